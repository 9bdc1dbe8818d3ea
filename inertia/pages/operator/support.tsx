import { Link } from '@inertiajs/react'
import { Anchor, Paper, Table, Text } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'

interface Grant {
  id: string
  workspaceId: string
  workspace: string
  expiresAt: string
}

/** Workspaces whose owners granted support access right now. */
export default function OperatorSupport({ grants }: { grants: Grant[] }) {
  return (
    <AppLayout title="Support sessions">
      <Paper withBorder p="md">
        <Table aria-label="Active support grants">
          <Table.Tbody>
            {grants.length === 0 && (
              <Table.Tr>
                <Table.Td>
                  <Text c="dimmed">No owner has granted access right now.</Text>
                </Table.Td>
              </Table.Tr>
            )}
            {grants.map((grant) => (
              <Table.Tr key={grant.id}>
                <Table.Td>
                  <Anchor component={Link} href={`/operator/workspaces/${grant.workspaceId}`}>
                    {grant.workspace}
                  </Anchor>
                </Table.Td>
                <Table.Td>until {new Date(grant.expiresAt).toLocaleString()}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </AppLayout>
  )
}
