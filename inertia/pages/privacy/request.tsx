import { useForm } from '@inertiajs/react'
import { Alert, Anchor, Badge, Button, Checkbox, Code, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'

interface DataFound {
  total: number
  byCategory: { category: string; rows: number }[]
  tables: { module: string; table: string; category: string; rows: number; exported: boolean; preview: Record<string, string>[] }[]
}

interface RequestDetail {
  id: string
  type: string
  typeLabel: string
  regimeLabel: string
  status: string
  statusLabel: string
  email: string
  details: string | null
  purposes: string[]
  receivedAt: string
  dueAt: string
  dueDate: string
  timezone: string
  originalDueAt: string
  daysLeft: number
  overdue: boolean
  extended: boolean
  extensionReason: string | null
  canExtend: boolean
  verifiedVia: string | null
  subjectContactId: string | null
  extraIdentifiers: { kind: string; value: string }[]
  verifiedAt: string | null
  acknowledgeBy: string | null
  acknowledgedAt: string | null
  blockedReason: string | null
  rejectionReason: string | null
  completedAt: string | null
  assigneeUserId: string | null
  mergedCount: number
  trail: { id: string; at: string; action: string; actor: string; note: string | null; details: string }[]
  tasks: { id: string; recipient: string; kind: string; purpose: string; status: string; completedAt: string | null }[]
  certificate: { id: string; createdAt: string; payload: Record<string, unknown>; publicKey: string } | null
  exports: { id: string; sizeBytes: number; records: number; createdAt: string; expiresAt: string; downloadedAt: string | null }[]
  dataFound: DataFound | null
}

interface Props {
  base: string
  request: RequestDetail
  reference: string
  typeLabel: string
  staff: { value: string; label: string }[]
  purposes: string[]
}

type When = (iso: string | null) => string

/** Times in the desk's time zone (the workspace's), whatever the browser's. */
const formatterIn =
  (timeZone: string): When =>
  (iso) =>
    iso ? new Date(iso).toLocaleString('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }) : '—'

function ReasonForm({ url, label, field, button, color }: { url: string; label: string; field: 'reason' | 'note'; button: string; color?: string }) {
  const form = useForm({ [field]: '' } as Record<string, string>)
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        form.post(url, { preserveScroll: true, onSuccess: () => form.reset() })
      }}
    >
      <Stack gap={6}>
        <Textarea label={label} autosize minRows={2} value={form.data[field]} onChange={(event) => form.setData(field, event.currentTarget.value)} error={form.errors[field]} />
        <Button type="submit" size="xs" color={color} loading={form.processing} w="fit-content">
          {button}
        </Button>
      </Stack>
    </form>
  )
}

/** Staff add a phone number or an id in another system the subject is also known by. */
function IdentifierForm({ url }: { url: string }) {
  const form = useForm({ kind: 'phone', value: '' })
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        form.post(url, { preserveScroll: true, onSuccess: () => form.reset('value') })
      }}
    >
      <Stack gap={6}>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <Select
            label="Also search by"
            data={[
              { value: 'phone', label: 'Phone' },
              { value: 'external_id', label: 'External id' },
            ]}
            value={form.data.kind}
            onChange={(value) => form.setData('kind', value ?? 'phone')}
            allowDeselect={false}
            w={140}
          />
          <TextInput aria-label="Identifier" placeholder="+49 30 1234567 or cus_4711" value={form.data.value} onChange={(event) => form.setData('value', event.currentTarget.value)} error={form.errors.value} />
        </Group>
        <Button type="submit" size="xs" variant="light" loading={form.processing} w="fit-content">
          Add identifier
        </Button>
      </Stack>
    </form>
  )
}

function FulfilForm({ url, request, purposes }: { url: string; request: RequestDetail; purposes: string[] }) {
  const form = useForm({ corrections: { name: '', email: '', phone: '' }, purposes: request.purposes })
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        form.transform((data) => ({
          corrections: request.type === 'rectification' ? Object.fromEntries(Object.entries(data.corrections).filter(([, value]) => value)) : undefined,
          purposes: request.type === 'objection' ? data.purposes : undefined,
        }))
        form.post(url, { preserveScroll: true })
      }}
    >
      <Stack gap={6}>
        {request.type === 'rectification' && (
          <>
            <Text size="sm">Corrected values (leave empty what stays as it is):</Text>
            <TextInput label="Corrected name" value={form.data.corrections.name} onChange={(event) => form.setData('corrections', { ...form.data.corrections, name: event.currentTarget.value })} />
            <TextInput label="Corrected email" value={form.data.corrections.email} onChange={(event) => form.setData('corrections', { ...form.data.corrections, email: event.currentTarget.value })} />
            <TextInput label="Corrected phone" value={form.data.corrections.phone} onChange={(event) => form.setData('corrections', { ...form.data.corrections, phone: event.currentTarget.value })} />
          </>
        )}
        {request.type === 'objection' && (
          <Checkbox.Group label="Stop processing for" value={form.data.purposes} onChange={(value) => form.setData('purposes', value)}>
            <Group mt="xs">
              {purposes.map((purpose) => (
                <Checkbox key={purpose} value={purpose} label={purpose} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
        <Button type="submit" color="teal" loading={form.processing} w="fit-content">
          Fulfil request
        </Button>
      </Stack>
    </form>
  )
}

function Actions({ base, request, staff, purposes }: Props) {
  const url = `${base}/${request.id}`
  const approve = useForm({})
  const assign = useForm({ assigneeUserId: request.assigneeUserId })
  const open = !['completed', 'rejected'].includes(request.status)
  if (!open) return null
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        Actions
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {['received', 'verifying'].includes(request.status) && (
          <ReasonForm url={`${url}/verify`} field="note" label="How was the identity checked?" button="Verify identity" />
        )}
        {request.status === 'verified' && (
          <Button onClick={() => approve.post(`${url}/approve`, { preserveScroll: true })} loading={approve.processing} w="fit-content">
            Approve
          </Button>
        )}
        {request.status === 'in_progress' && <FulfilForm url={`${url}/fulfil`} request={request} purposes={purposes} />}
        {request.canExtend && <ReasonForm url={`${url}/extend`} field="reason" label="Reason for the extension (sent to the requester)" button="Extend deadline" />}
        <IdentifierForm url={`${url}/identifiers`} />
        <ReasonForm url={`${url}/reject`} field="reason" label="Reason for rejecting (sent to the requester)" button="Reject request" color="red" />
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            assign.put(`${url}/assignee`, { preserveScroll: true })
          }}
        >
          <Stack gap={6}>
            <Select label="Assignee" clearable data={staff} value={assign.data.assigneeUserId} onChange={(value) => assign.setData('assigneeUserId', value)} error={assign.errors.assigneeUserId} />
            <Button type="submit" size="xs" variant="light" loading={assign.processing} w="fit-content">
              Save assignee
            </Button>
          </Stack>
        </form>
      </SimpleGrid>
    </Paper>
  )
}

/** One request: deadlines, the subject's data found, the actions and the full trail. */
export default function PrivacyRequestPage(props: Props) {
  const { base, request, reference } = props
  const when = formatterIn(request.timezone)
  return (
    <AppLayout title={`${reference}: ${request.typeLabel}`}>
      <Anchor href={base} size="sm">
        ← All requests
      </Anchor>
      {request.blockedReason && (
        <Alert color="red" title="Erasure blocked" data-testid="blocked-reason">
          {request.blockedReason}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Table aria-label="Request">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">Requester</Table.Th>
              <Table.Td>{request.email}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Status</Table.Th>
              <Table.Td>
                <Badge data-testid="request-status">{request.statusLabel}</Badge>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Regime</Table.Th>
              <Table.Td>{request.regimeLabel}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Received</Table.Th>
              <Table.Td>{when(request.receivedAt)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Due</Table.Th>
              <Table.Td>
                {request.dueDate}{' '}
                {request.completedAt ? (
                  <Text span size="sm" c="dimmed">
                    — completed {when(request.completedAt)}
                  </Text>
                ) : (
                  <Badge color={request.overdue ? 'red' : 'gray'} variant={request.overdue ? 'filled' : 'light'}>
                    {request.overdue ? `${-request.daysLeft} days overdue` : `${request.daysLeft} days left`}
                  </Badge>
                )}
                {request.extended && <Text size="xs">Extended from {when(request.originalDueAt)}: {request.extensionReason}</Text>}
              </Table.Td>
            </Table.Tr>
            {request.acknowledgeBy && (
              <Table.Tr>
                <Table.Th scope="row">Acknowledge by (CCPA)</Table.Th>
                <Table.Td>
                  {when(request.acknowledgeBy)} {request.acknowledgedAt ? `— acknowledged ${when(request.acknowledgedAt)}` : ''}
                </Table.Td>
              </Table.Tr>
            )}
            <Table.Tr>
              <Table.Th scope="row">Verified</Table.Th>
              <Table.Td>{request.verifiedAt ? `${when(request.verifiedAt)} (${request.verifiedVia ?? 'unknown'})` : 'not yet'}</Table.Td>
            </Table.Tr>
            {request.extraIdentifiers.length > 0 && (
              <Table.Tr>
                <Table.Th scope="row">Also searched by</Table.Th>
                <Table.Td data-testid="extra-identifiers">{request.extraIdentifiers.map((identifier) => `${identifier.kind}: ${identifier.value}`).join(', ')}</Table.Td>
              </Table.Tr>
            )}
            {request.details && (
              <Table.Tr>
                <Table.Th scope="row">Requester’s message</Table.Th>
                <Table.Td>{request.details}</Table.Td>
              </Table.Tr>
            )}
            {request.purposes.length > 0 && (
              <Table.Tr>
                <Table.Th scope="row">Purposes named</Table.Th>
                <Table.Td>{request.purposes.join(', ')}</Table.Td>
              </Table.Tr>
            )}
            {request.rejectionReason && (
              <Table.Tr>
                <Table.Th scope="row">Rejected because</Table.Th>
                <Table.Td>{request.rejectionReason}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>

      <Actions {...props} />

      {request.dataFound && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Data found
          </Title>
          {request.dataFound.total === 0 ? (
            <Text data-testid="nothing-held">Nothing held: no record in this {base.startsWith('/operator') ? 'platform' : 'workspace'} matches this requester.</Text>
          ) : (
            <Stack gap="sm">
              <Group gap="xs" aria-label="Counts by category">
                {request.dataFound.byCategory.map((item) => (
                  <Badge key={item.category} variant="light" size="lg">
                    {item.category}: {item.rows}
                  </Badge>
                ))}
              </Group>
              <Table aria-label="Data found by table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Table</Table.Th>
                    <Table.Th>Category</Table.Th>
                    <Table.Th>Rows</Table.Th>
                    <Table.Th>Preview</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {request.dataFound.tables.map((table) => (
                    <Table.Tr key={`${table.module}.${table.table}`}>
                      <Table.Td>
                        {table.module}.{table.table}
                      </Table.Td>
                      <Table.Td>{table.category}</Table.Td>
                      <Table.Td>{table.rows}</Table.Td>
                      <Table.Td>
                        {table.exported ? (
                          <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxWidth: 520 }}>
                            {table.preview.map((row) => Object.entries(row).map(([key, value]) => `${key}: ${value}`).join(' · ')).join('\n')}
                          </Code>
                        ) : (
                          <Text size="xs" c="dimmed">derived or security data, not exported</Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          )}
        </Paper>
      )}

      {request.certificate && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Erasure certificate
          </Title>
          <Text size="sm">
            Certificate {request.certificate.id}, issued {when(request.certificate.createdAt)}.{' '}
            <Anchor href={`${base}/${request.id}/certificate`}>Download (JSON)</Anchor> — verify with <Code>node ace privacy:verify-certificate &lt;file&gt;</Code>.
          </Text>
          <CertificateSummary payload={request.certificate.payload as unknown as CertificatePayload} />
          <details>
            <summary>Signed contents (JSON)</summary>
            <Code block fz="xs" mt="xs" data-testid="certificate-payload">
              {JSON.stringify(request.certificate.payload, null, 2)}
            </Code>
          </details>
        </Paper>
      )}

      {request.exports.length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Exports
          </Title>
          {request.exports.map((item) => (
            <Text key={item.id} size="sm">
              {item.records} records, {Math.ceil(item.sizeBytes / 1024)} KB, built {when(item.createdAt)} —{' '}
              {item.downloadedAt ? `downloaded ${when(item.downloadedAt)}` : `link valid until ${when(item.expiresAt)}`}
            </Text>
          ))}
        </Paper>
      )}

      {request.tasks.length > 0 && <RecipientTasks base={base} request={request} when={when} />}

      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          Trail
        </Title>
        <Table aria-label="Request trail">
          <Table.Tbody>
            {request.trail.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td>{when(event.at)}</Table.Td>
                <Table.Td>{event.actor}</Table.Td>
                <Table.Td>{event.action}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                  {event.note}
                  {event.details && <Text size="xs" c="dimmed">{event.details}</Text>}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <ReasonForm url={`${base}/${request.id}/notes`} field="note" label="Note" button="Add note" />
      </Paper>
    </AppLayout>
  )
}

interface CertificatePayload {
  erased: { module: string; table: string; category: string; action: string; rows: number }[]
  retained: { table: string; rows: number; legalBasis: string }[]
  destroyedKeys: string[]
  residueCheck: { searchedColumns: number; findings: number; vaultScanFindings: number }
}

function CertificateSummary({ payload }: { payload: CertificatePayload }) {
  return (
    <Stack gap="xs" mt="xs">
      <Table aria-label="Erased data" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Table</Table.Th>
            <Table.Th>Category</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Rows</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payload.erased.map((item) => (
            <Table.Tr key={`${item.module}.${item.table}`}>
              <Table.Td>
                {item.module}.{item.table}
              </Table.Td>
              <Table.Td>{item.category}</Table.Td>
              <Table.Td>{item.action}</Table.Td>
              <Table.Td>{item.rows}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {payload.retained.map((item) => (
        <Text key={item.table} size="sm">
          Kept: {item.table} ({item.rows}) — {item.legalBasis}
        </Text>
      ))}
      <Text size="sm" data-testid="residue-check">
        Keys destroyed: {payload.destroyedKeys.length}. Residue check: {payload.residueCheck.findings} findings in {payload.residueCheck.searchedColumns} column searches; vault
        scan: {payload.residueCheck.vaultScanFindings} findings.
      </Text>
    </Stack>
  )
}

function RecipientTasks({ base, request, when }: { base: string; request: RequestDetail; when: When }) {
  const form = useForm({})
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        Recipients to notify (Art. 19)
      </Title>
      <Table aria-label="Recipients to notify">
        <Table.Tbody>
          {request.tasks.map((task) => (
            <Table.Tr key={task.id}>
              <Table.Td>{task.recipient}</Table.Td>
              <Table.Td>{task.kind}</Table.Td>
              <Table.Td>{task.purpose}</Table.Td>
              <Table.Td>
                {task.status === 'done' ? (
                  `notified ${when(task.completedAt)}`
                ) : (
                  <Button size="xs" variant="light" onClick={() => form.post(`${base}/${request.id}/tasks/${task.id}/done`, { preserveScroll: true })}>
                    Mark {task.recipient} notified
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
