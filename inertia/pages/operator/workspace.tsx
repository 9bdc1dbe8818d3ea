import { Alert, Badge, Paper, Table, Text } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'

interface Ticket {
  id: string
  number: number
  subject: string
  status: string
  lastMessageAt: string
}

interface Props {
  workspace: { id: string; name: string; timezone: string }
  grant: { expiresAt: string }
  tickets: Ticket[]
  settings: { csatEnabled: boolean; csatLinkDays: number }
}

/** Read-only view of a workspace during a support grant; every visit is shown to the owner. */
export default function OperatorWorkspace({ workspace, grant, tickets, settings }: Props) {
  return (
    <AppLayout title={`Support: ${workspace.name}`}>
      <Alert color="blue">
        Read-only access granted by the owner until {new Date(grant.expiresAt).toLocaleString()}. This visit is recorded in the workspace’s audit log.
      </Alert>
      <Paper withBorder p="md">
        <Text size="sm">
          Timezone {workspace.timezone} · CSAT {settings.csatEnabled ? `on (links valid ${settings.csatLinkDays} days)` : 'off'}
        </Text>
      </Paper>
      <Paper withBorder p="md">
        <Table aria-label="Tickets">
          <Table.Tbody>
            {tickets.map((ticket) => (
              <Table.Tr key={ticket.id}>
                <Table.Td>#{ticket.number}</Table.Td>
                <Table.Td>{ticket.subject}</Table.Td>
                <Table.Td>
                  <Badge>{ticket.status}</Badge>
                </Table.Td>
                <Table.Td>{new Date(ticket.lastMessageAt).toLocaleString()}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </AppLayout>
  )
}
