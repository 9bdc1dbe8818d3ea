import { useForm, usePage } from '@inertiajs/react'
import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import type { SharedProps } from '~/types'
import type { TicketListItem } from '../components/types'
import { TicketList } from '../components/ticket_list'

interface Props {
  incident: { id: string; title: string; status: 'open' | 'resolved'; ticketCount: number; createdAt: string; resolvedAt: string | null }
  tickets: TicketListItem[]
  canWork: boolean
}

export default function IncidentShow({ incident, tickets, canWork }: Props) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const base = `/w/${currentWorkspace!.slug}`
  const form = useForm({ body: '', resolve: false })
  const reachable = tickets.filter((ticket) => ticket.status !== 'closed').length
  return (
    <AppLayout title={incident.title}>
      <Group gap="xs">
        <Badge color={incident.status === 'open' ? 'red' : 'teal'}>{incident.status}</Badge>
        <Text size="sm" c="dimmed">
          Opened {new Date(incident.createdAt).toLocaleString()} · {incident.ticketCount} linked {incident.ticketCount === 1 ? 'ticket' : 'tickets'}
        </Text>
      </Group>
      {canWork && (
        <Paper withBorder p="md" component="section" aria-labelledby="incident-update">
          <Title order={2} size="h4" id="incident-update" mb="xs">
            Send an update to everyone affected
          </Title>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault()
              form.post(`${base}/incidents/${incident.id}/updates`, { preserveScroll: true, onSuccess: () => form.reset() })
            }}
          >
            <Stack gap="sm">
              <Textarea
                label={`Update (posted as a reply on ${reachable} open ${reachable === 1 ? 'ticket' : 'tickets'})`}
                description="Placeholders: {{contact.name}}, {{ticket.number}}, {{agent.name}}"
                autosize
                minRows={4}
                value={form.data.body}
                onChange={(event) => form.setData('body', event.currentTarget.value)}
                error={form.errors.body}
              />
              <Checkbox label="Also resolve the incident and its tickets" checked={form.data.resolve} onChange={(event) => form.setData('resolve', event.currentTarget.checked)} />
              <Group>
                <Button type="submit" loading={form.processing} disabled={reachable === 0}>
                  Send update
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
      <Title order={2} size="h4">
        Linked tickets
      </Title>
      <TicketList tickets={tickets} selectedId={null} hrefFor={(ticket) => `${base}/inbox/${ticket.id}?status=all`} checked={[]} />
    </AppLayout>
  )
}
