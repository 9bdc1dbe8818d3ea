import { Link, useForm, usePage } from '@inertiajs/react'
import { Anchor, Badge, Button, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import type { SharedProps } from '~/types'

interface IncidentRow {
  id: string
  title: string
  status: 'open' | 'resolved'
  ticketCount: number
  createdAt: string
  resolvedAt: string | null
}

export default function Incidents({ incidents, canWork }: { incidents: IncidentRow[]; canWork: boolean }) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const base = `/w/${currentWorkspace!.slug}`
  const form = useForm({ title: '' })
  return (
    <AppLayout title="Incidents">
      <Text size="sm" c="dimmed">
        An incident groups the tickets about one problem (an outage, a bug) so one update reaches every affected contact. Link tickets from the inbox: select them,
        then choose “Link to incident”.
      </Text>
      {canWork && (
        <Paper withBorder p="md">
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault()
              form.post(`${base}/incidents`)
            }}
          >
            <Group align="flex-end">
              <TextInput style={{ flex: 1 }} label="New incident" placeholder="e.g. Login outage" value={form.data.title} onChange={(event) => form.setData('title', event.currentTarget.value)} error={form.errors.title} />
              <Button type="submit" loading={form.processing}>
                Open incident
              </Button>
            </Group>
          </form>
        </Paper>
      )}
      <Paper withBorder>
        <Table aria-label="Incidents" verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Incident</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Tickets</Table.Th>
              <Table.Th>Opened</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {incidents.map((incident) => (
              <Table.Tr key={incident.id}>
                <Table.Td>
                  <Anchor component={Link} href={`${base}/incidents/${incident.id}`}>
                    {incident.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge color={incident.status === 'open' ? 'red' : 'teal'} variant="light">
                    {incident.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{incident.ticketCount}</Table.Td>
                <Table.Td>{new Date(incident.createdAt).toLocaleString()}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {incidents.length === 0 && (
          <Text p="md" size="sm" c="dimmed">
            No incidents yet.
          </Text>
        )}
      </Paper>
      <Title order={2} size="h6" c="dimmed">
        Placeholders in updates: {'{{contact.name}}'}, {'{{ticket.number}}'}, {'{{agent.name}}'}
      </Title>
    </AppLayout>
  )
}
