import { router, useForm, usePage } from '@inertiajs/react'
import { Badge, Button, Code, Group, NumberInput, Paper, Table, Text, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import type { SharedProps } from '~/types'

interface Grant {
  id: string
  hours: number
  startsAt: string
  expiresAt: string
  revokedAt: string | null
  active: boolean
}

interface Props {
  grants: Grant[]
  operatorActions: { id: string; action: string; target: string; occurredAt: string }[]
  limits: { min: number; max: number }
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—')

/** Owner-approved, time-limited operator access, and everything operators did. */
export default function SupportAccess({ grants, operatorActions, limits }: Props) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const base = `/w/${currentWorkspace!.slug}`
  const form = useForm({ hours: 24 })
  return (
    <AppLayout title="Support access">
      <Paper withBorder p="md">
        <Text size="sm" mb="sm">
          Vaultdesk operators see nothing of this workspace unless you grant access, for {limits.min} to {limits.max} hours. You can revoke it at any
          time; every operator action is listed below.
        </Text>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            form.post(`${base}/governance/support-access`, { preserveScroll: true })
          }}
        >
          <Group align="flex-end">
            <NumberInput label="Hours of access" min={limits.min} max={limits.max} value={form.data.hours} onChange={(value) => form.setData('hours', Number(value))} error={form.errors.hours} />
            <Button type="submit" loading={form.processing}>
              Grant support access
            </Button>
          </Group>
        </form>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          Grants
        </Title>
        <Table aria-label="Support grants">
          <Table.Tbody>
            {grants.length === 0 && (
              <Table.Tr>
                <Table.Td>
                  <Text c="dimmed">Never granted.</Text>
                </Table.Td>
              </Table.Tr>
            )}
            {grants.map((grant) => (
              <Table.Tr key={grant.id} data-testid="support-grant">
                <Table.Td>{grant.hours} h</Table.Td>
                <Table.Td>
                  {when(grant.startsAt)} → {when(grant.expiresAt)}
                </Table.Td>
                <Table.Td>{grant.active ? <Badge color="teal">Active</Badge> : <Badge color="gray">{grant.revokedAt ? 'Revoked' : 'Expired'}</Badge>}</Table.Td>
                <Table.Td>
                  {grant.active && (
                    <Button size="xs" color="red" variant="light" onClick={() => router.delete(`${base}/governance/support-access/${grant.id}`, { preserveScroll: true })}>
                      Revoke access
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          Operator actions
        </Title>
        <Table aria-label="Operator actions">
          <Table.Tbody>
            {operatorActions.length === 0 && (
              <Table.Tr>
                <Table.Td>
                  <Text c="dimmed">No operator has acted on this workspace.</Text>
                </Table.Td>
              </Table.Tr>
            )}
            {operatorActions.map((entry) => (
              <Table.Tr key={entry.id} data-testid="operator-action">
                <Table.Td>{when(entry.occurredAt)}</Table.Td>
                <Table.Td>
                  <Code>{entry.action}</Code>
                </Table.Td>
                <Table.Td>{entry.target}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </AppLayout>
  )
}
