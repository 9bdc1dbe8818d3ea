import { Link } from '@inertiajs/react'
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { Message, TicketDetail } from './types'
import { CSAT_LABELS, STATUS_COLORS, STATUS_LABELS, formatDateTime, formatSize } from './labels'

const KIND_STYLES: Record<Message['kind'], { bg?: string; label: string }> = {
  inbound: { label: 'wrote' },
  outbound: { bg: 'indigo.0', label: 'replied' },
  note: { bg: 'yellow.1', label: 'added an internal note' },
}

/** The ticket header and its thread; internal notes are marked for sighted and screen-reader users alike. */
export function Conversation({ ticket, base }: { ticket: TicketDetail; base: string }) {
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Group gap="xs">
          <Title order={2} size="h3" data-testid="ticket-title">
            #{ticket.number} {ticket.subject}
          </Title>
          <Badge color={STATUS_COLORS[ticket.status]} variant="light" data-testid="ticket-status">
            {STATUS_LABELS[ticket.status]}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          <Anchor component={Link} href={`${base}/contacts/${ticket.contact.id}`} size="sm">
            {ticket.contact.name}
          </Anchor>
          {ticket.contact.email ? ` · ${ticket.contact.email}` : ''}
          {ticket.contact.phone ? ` · ${ticket.contact.phone}` : ''} · via {ticket.channel} · opened {formatDateTime(ticket.createdAt)}
        </Text>
        {ticket.contact.processingRestricted && (
          <Text size="xs" c="orange.8">
            This contact restricted the processing of their data: no analytics and no surveys.
          </Text>
        )}
        {ticket.incident && (
          <Text size="sm">
            Part of incident{' '}
            <Anchor component={Link} href={`${base}/incidents/${ticket.incident.id}`}>
              {ticket.incident.title}
            </Anchor>
          </Text>
        )}
        {ticket.csat.map((rating) => (
          <Text key={rating.ratedAt} size="sm" data-testid="csat-score">
            Satisfaction: <strong>{rating.score}/5 – {CSAT_LABELS[rating.score]}</strong>
            {rating.comment ? ` — “${rating.comment}”` : ''}
          </Text>
        ))}
      </Stack>
      <Stack gap="xs" component="ol" aria-label="Conversation" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {ticket.messages.map((message) => (
          <Paper
            key={message.id}
            component="li"
            withBorder
            p="sm"
            bg={KIND_STYLES[message.kind].bg}
            data-testid={`message-${message.kind}`}
            aria-label={message.internal ? 'Internal note' : undefined}
          >
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={600} component="div">
                {message.author?.name ?? 'Someone'}{' '}
                <Text span size="sm" c="dimmed" fw={400}>
                  {KIND_STYLES[message.kind].label}
                </Text>
                {message.internal && (
                  <Badge ml="xs" size="xs" color="yellow" variant="filled">
                    Internal
                  </Badge>
                )}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(message.createdAt)}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {message.body}
            </Text>
            {message.attachments.length > 0 && (
              <Group gap="xs" mt="xs">
                {message.attachments.map((file) => (
                  <Anchor key={file.id} href={file.url} size="xs" download>
                    Attachment: {file.filename} ({formatSize(file.sizeBytes)})
                  </Anchor>
                ))}
              </Group>
            )}
          </Paper>
        ))}
      </Stack>
    </Stack>
  )
}
