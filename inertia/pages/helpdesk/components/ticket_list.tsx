import { Link } from '@inertiajs/react'
import { Badge, Checkbox, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core'
import type { TicketListItem } from './types'
import { PRIORITY_COLORS, PRIORITY_LABELS, STATUS_COLORS, STATUS_LABELS, formatRelative } from './labels'

interface Props {
  tickets: TicketListItem[]
  selectedId: string | null
  hrefFor: (ticket: TicketListItem) => string
  checked: string[]
  onCheck?: (ids: string[]) => void
}

/** The inbox list: one link per ticket (j/k move between them), with a checkbox for bulk actions. */
export function TicketList({ tickets, selectedId, hrefFor, checked, onCheck }: Props) {
  if (tickets.length === 0) {
    return (
      <Paper withBorder p="lg">
        <Text c="dimmed" size="sm">
          No tickets match these filters.
        </Text>
      </Paper>
    )
  }
  const toggle = (id: string, on: boolean) => onCheck?.(on ? [...checked, id] : checked.filter((other) => other !== id))
  return (
    <Stack gap={6} component="ul" aria-label="Tickets" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {tickets.map((ticket) => {
        const current = ticket.id === selectedId
        return (
          <Paper
            key={ticket.id}
            component="li"
            withBorder
            p="xs"
            bg={current ? 'indigo.0' : undefined}
            style={{ borderColor: current ? 'var(--mantine-color-indigo-5)' : undefined }}
            data-testid={`ticket-row-${ticket.number}`}
          >
            <Group gap="xs" wrap="nowrap" align="flex-start">
              {onCheck && (
                <Checkbox
                  mt={3}
                  size="xs"
                  aria-label={`Select ticket #${ticket.number}`}
                  checked={checked.includes(ticket.id)}
                  onChange={(event) => toggle(ticket.id, event.currentTarget.checked)}
                />
              )}
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Link
                  href={hrefFor(ticket)}
                  preserveScroll
                  aria-current={current ? 'page' : undefined}
                  data-ticket-link={ticket.id}
                  style={{ color: 'inherit', textDecoration: 'none' }}
                >
                  <Group justify="space-between" gap={4} wrap="nowrap">
                    <Text size="sm" fw={700} truncate>
                      <Text span c="dimmed" size="sm" fw={500}>
                        #{ticket.number}
                      </Text>{' '}
                      {ticket.subject}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {formatRelative(ticket.lastMessageAt)}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed" truncate>
                    {ticket.contact.name}
                    {ticket.assignee ? ` · ${ticket.assignee.name}` : ' · Unassigned'}
                    {ticket.team ? ` · ${ticket.team.name}` : ''}
                  </Text>
                </Link>
                <Group gap={4}>
                  <Badge size="xs" color={STATUS_COLORS[ticket.status]} variant="light">
                    <VisuallyHidden>Status: </VisuallyHidden>
                    {STATUS_LABELS[ticket.status]}
                  </Badge>
                  {ticket.priority !== 'normal' && (
                    <Badge size="xs" color={PRIORITY_COLORS[ticket.priority]} variant="outline">
                      <VisuallyHidden>Priority: </VisuallyHidden>
                      {PRIORITY_LABELS[ticket.priority]}
                    </Badge>
                  )}
                  <Badge size="xs" color="gray" variant="transparent">
                    {ticket.channel}
                  </Badge>
                  {ticket.incidentId && (
                    <Badge size="xs" color="red" variant="light">
                      Incident
                    </Badge>
                  )}
                  {ticket.tags.map((tag) => (
                    <Badge key={tag.id} size="xs" color={tag.color} variant="dot">
                      {tag.name}
                    </Badge>
                  ))}
                </Group>
              </Stack>
            </Group>
          </Paper>
        )
      })}
    </Stack>
  )
}
