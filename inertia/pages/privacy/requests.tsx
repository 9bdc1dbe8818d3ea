import { Link, router } from '@inertiajs/react'
import { Anchor, Badge, Group, SegmentedControl, Table, Text } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'

interface RequestItem {
  id: string
  reference: string
  typeLabel: string
  regimeLabel: string
  status: string
  statusLabel: string
  email: string
  receivedAt: string
  dueAt: string
  dueDate: string
  daysLeft: number
  overdue: boolean
  extended: boolean
  assignee: string | null
  mergedCount: number
  verifiedVia: string | null
}

interface Props {
  base: string
  scope: 'workspace' | 'platform'
  organisation: string
  filter: string
  requests: RequestItem[]
  pagination: { page: number; lastPage: number; total: number }
}

function countdown(item: RequestItem) {
  if (item.overdue) return `${-item.daysLeft} day${item.daysLeft === -1 ? '' : 's'} overdue`
  if (item.daysLeft === 0) return 'due today'
  return `${item.daysLeft} day${item.daysLeft === 1 ? '' : 's'} left`
}

/** The privacy desk's queue: deadlines first, overdue ones highlighted. */
export default function PrivacyRequests({ base, scope, organisation, filter, requests, pagination }: Props) {
  return (
    <AppLayout title={scope === 'platform' ? 'Privacy requests (platform)' : 'Privacy requests'}>
      <Text size="sm" c="dimmed">
        Data-subject requests to {organisation}, soonest deadline first. Deadlines are in the {scope === 'platform' ? 'UTC' : 'workspace’s'} time zone.
      </Text>
      <SegmentedControl
        aria-label="Which requests"
        value={filter}
        onChange={(value) => router.get(base, { status: value }, { preserveState: true })}
        data={[
          { value: 'open', label: 'Open' },
          { value: 'overdue', label: 'Overdue' },
          { value: 'completed', label: 'Completed' },
          { value: 'rejected', label: 'Rejected' },
          { value: 'all', label: 'All' },
        ]}
      />
      <Table striped highlightOnHover aria-label="Privacy requests">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Request</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Regime</Table.Th>
            <Table.Th>Requester</Table.Th>
            <Table.Th>Verified by</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Assignee</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((item) => (
            <Table.Tr key={item.id} bg={item.overdue ? 'red.0' : undefined} data-overdue={item.overdue || undefined}>
              <Table.Td>
                <Anchor component={Link} href={`${base}/${item.id}`}>
                  {item.reference}
                </Anchor>
                {item.mergedCount > 0 && <Text size="xs" c="dimmed">asked {item.mergedCount + 1} times</Text>}
              </Table.Td>
              <Table.Td>{item.typeLabel}</Table.Td>
              <Table.Td>{item.regimeLabel}</Table.Td>
              <Table.Td>{item.email}</Table.Td>
              <Table.Td>{item.verifiedVia ?? <Text size="sm" c="dimmed">not yet</Text>}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge variant="light" title={item.statusLabel} style={{ overflow: 'visible' }} miw="max-content">
                  {item.status.replace('_', ' ')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Text size="sm">{item.dueDate}</Text>
                  <Badge color={item.overdue ? 'red' : item.daysLeft <= 5 ? 'orange' : 'gray'} variant={item.overdue ? 'filled' : 'light'}>
                    {countdown(item)}
                  </Badge>
                  {item.extended && <Badge variant="outline">extended</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>{item.assignee ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {requests.length === 0 && <Text c="dimmed">No requests here.</Text>}
      {pagination.lastPage > 1 && (
        <Group>
          {pagination.page > 1 && <Anchor component={Link} href={`${base}?status=${filter}&page=${pagination.page - 1}`}>Previous</Anchor>}
          <Text size="sm">
            Page {pagination.page} of {pagination.lastPage}
          </Text>
          {pagination.page < pagination.lastPage && <Anchor component={Link} href={`${base}?status=${filter}&page=${pagination.page + 1}`}>Next</Anchor>}
        </Group>
      )}
    </AppLayout>
  )
}
