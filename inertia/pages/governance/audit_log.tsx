import { useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { Badge, Button, Code, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import { PaginationBar } from '~/components/pagination_bar'
import type { Pagination, SharedProps } from '~/types'

interface Entry {
  id: string
  sequence: number
  occurredAt: string
  actor: string
  actorType: string
  action: string
  target: string
  details: string
}

interface Props {
  entries: Entry[]
  pagination: Pagination
  filters: { action: string; actorId: string; from: string; to: string }
  actors: { value: string; label: string }[]
}

const ACTION_GROUPS = [
  { value: 'member.', label: 'Members and roles' },
  { value: 'invitation.', label: 'Invitations' },
  { value: 'workspace.', label: 'Workspace settings' },
  { value: 'vault.', label: 'Keys and encryption' },
  { value: 'retention.', label: 'Retention' },
  { value: 'legal_hold.', label: 'Legal holds' },
  { value: 'subprocessor.', label: 'Subprocessor notices' },
  { value: 'consent.', label: 'Consent purposes' },
  { value: 'support_access.', label: 'Support access grants' },
  { value: 'operator.', label: 'Operator actions' },
]

/** The workspace's append-only audit log; `node ace audit:verify` proves nothing was edited. */
export default function AuditLog({ entries, pagination, filters, actors }: Props) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const [draft, setDraft] = useState(filters)
  const apply = (event: React.FormEvent) => {
    event.preventDefault()
    const query = Object.fromEntries(Object.entries(draft).filter(([, value]) => value))
    router.get(`/w/${currentWorkspace!.slug}/audit`, query, { preserveState: true })
  }
  return (
    <AppLayout title="Audit log">
      <Text size="sm" c="dimmed">
        Every administrative action in this workspace, in order. Entries are hash-chained: an edited or deleted entry is
        detected.
      </Text>
      <Paper withBorder p="md">
        <form onSubmit={apply}>
          <Group align="flex-end">
            <Select
              label="Kind of action"
              clearable
              data={ACTION_GROUPS}
              value={draft.action || null}
              onChange={(value) => setDraft({ ...draft, action: value ?? '' })}
            />
            <Select
              label="Who"
              clearable
              searchable
              data={actors}
              value={draft.actorId || null}
              onChange={(value) => setDraft({ ...draft, actorId: value ?? '' })}
            />
            <TextInput label="From" type="date" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.currentTarget.value })} />
            <TextInput label="To" type="date" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.currentTarget.value })} />
            <Button type="submit">Filter</Button>
          </Group>
        </form>
      </Paper>
      <Paper withBorder>
        <Table striped aria-label="Audit log entries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Target</Table.Th>
              <Table.Th>Details</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text c="dimmed">No entries match.</Text>
                </Table.Td>
              </Table.Tr>
            )}
            {entries.map((entry) => (
              <Table.Tr key={entry.id} data-testid="audit-entry">
                <Table.Td>{entry.sequence}</Table.Td>
                <Table.Td>{new Date(entry.occurredAt).toLocaleString()}</Table.Td>
                <Table.Td>
                  {entry.actor} {entry.actorType !== 'user' && <Badge size="xs">{entry.actorType}</Badge>}
                </Table.Td>
                <Table.Td>
                  <Code>{entry.action}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{entry.target}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{entry.details}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <PaginationBar pagination={pagination} label="entries" />
    </AppLayout>
  )
}
