import { useState } from 'react'
import { router, useForm, usePage } from '@inertiajs/react'
import { Alert, Badge, Button, Checkbox, Group, NumberInput, Paper, PasswordInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import type { SharedProps } from '~/types'

type MailboxStatus = 'active' | 'reconnect_required' | 'disconnected'

interface Mailbox {
  id: string
  provider: 'gmail' | 'microsoft' | 'imap'
  address: string
  status: MailboxStatus
  lastError: string | null
  lastSyncedAt: string | null
  failureCount: number
  nextAttemptAt: string | null
  createdAt: string | null
}

interface ProviderOption {
  kind: 'gmail' | 'microsoft' | 'imap'
  label: string
  connect: 'oauth' | 'form'
}

interface Props {
  mailboxes: Mailbox[]
  providers: ProviderOption[]
}

const PROVIDER_NAMES = { gmail: 'Gmail', microsoft: 'Microsoft 365', imap: 'IMAP/SMTP' } as const
const STATUS = {
  active: { label: 'Active', color: 'green' },
  reconnect_required: { label: 'Reconnect required', color: 'red' },
  disconnected: { label: 'Disconnected', color: 'gray' },
} as const

function when(iso: string | null) {
  return iso ? new Date(iso).toLocaleString() : 'never'
}

/** Email channels: connected mailboxes with their sync state, and ways to connect one. */
export default function EmailChannels({ mailboxes, providers }: Props) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const base = `/w/${currentWorkspace!.slug}`
  const [showImapForm, setShowImapForm] = useState(false)
  const [prefill, setPrefill] = useState('')
  const needsReconnect = mailboxes.filter((mailbox) => mailbox.status === 'reconnect_required')

  const connectButton = (option: ProviderOption) =>
    option.connect === 'oauth' ? (
      <Button key={option.kind} component="a" href={`${base}/email/oauth/${option.kind}/redirect`} variant="default">
        {option.label}
      </Button>
    ) : (
      <Button key={option.kind} variant={showImapForm ? 'filled' : 'default'} onClick={() => setShowImapForm((open) => !open)}>
        {option.label}
      </Button>
    )

  return (
    <AppLayout title="Email">
      {needsReconnect.map((mailbox) => (
        <Alert key={mailbox.id} color="red" title={`Reconnect ${mailbox.address}`} role="alert" data-testid="reconnect-prompt">
          <Stack gap="xs">
            <Text size="sm">
              {PROVIDER_NAMES[mailbox.provider]} refused our access{mailbox.lastError ? `: ${mailbox.lastError}` : '.'} No mail is read or sent through this
              mailbox until you connect it again. Nothing received before is lost.
            </Text>
            <Group>
              {mailbox.provider === 'imap' ? (
                <Button
                  size="xs"
                  onClick={() => {
                    setPrefill(mailbox.address)
                    setShowImapForm(true)
                  }}
                >
                  Enter the IMAP/SMTP settings again
                </Button>
              ) : (
                <Button size="xs" component="a" href={`${base}/email/oauth/${mailbox.provider}/redirect`}>
                  Reconnect {PROVIDER_NAMES[mailbox.provider]}
                </Button>
              )}
            </Group>
          </Stack>
        </Alert>
      ))}

      <Stack gap="xs">
        <Title order={2} size="h4">Connected mailboxes</Title>
        <Text size="sm" c="dimmed">
          Mail arriving in these mailboxes becomes tickets; agents' replies go out from the same address, in the same thread. Automatic replies, bounces and our
          own mail coming back are skipped. Passwords and tokens are encrypted and never shown again.
        </Text>
        {mailboxes.length === 0 ? (
          <Text size="sm">No mailbox is connected yet.</Text>
        ) : (
          <Table striped withTableBorder aria-label="Mailboxes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Address</Table.Th>
                <Table.Th>Provider</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Last sync</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mailboxes.map((mailbox) => (
                <Table.Tr key={mailbox.id} data-testid={`mailbox-${mailbox.address}`}>
                  <Table.Td>{mailbox.address}</Table.Td>
                  <Table.Td>{PROVIDER_NAMES[mailbox.provider]}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Badge color={STATUS[mailbox.status].color} variant="light">
                        {STATUS[mailbox.status].label}
                      </Badge>
                      {mailbox.status === 'active' && mailbox.lastError && (
                        <Text size="xs" c="orange">
                          {mailbox.lastError} Next try {when(mailbox.nextAttemptAt)}.
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>{when(mailbox.lastSyncedAt)}</Table.Td>
                  <Table.Td>
                    {mailbox.status !== 'disconnected' && (
                      <Group gap="xs" justify="flex-end">
                        {mailbox.status === 'active' && (
                          <Button size="xs" variant="light" onClick={() => router.post(`${base}/email/mailboxes/${mailbox.id}/sync`, {}, { preserveScroll: true })}>
                            Sync now
                          </Button>
                        )}
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => {
                            if (window.confirm(`Disconnect ${mailbox.address}? Its settings are deleted; its tickets stay.`)) {
                              router.delete(`${base}/email/mailboxes/${mailbox.id}`, { preserveScroll: true })
                            }
                          }}
                        >
                          Disconnect
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={2} size="h4">Connect a mailbox</Title>
        <Group>{providers.map(connectButton)}</Group>
      </Stack>

      {showImapForm && <ImapForm key={prefill} address={prefill} action={`${base}/email/imap`} onDone={() => setShowImapForm(false)} />}
    </AppLayout>
  )
}

function ImapForm({ action, address, onDone }: { action: string; address: string; onDone: () => void }) {
  const form = useForm({
    address,
    imap: { host: '', port: 993, secure: true, user: '', password: '' },
    smtp: { host: '', port: 465, secure: true, user: '', password: '' },
  })
  const errors = form.errors as Record<string, string | undefined>
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    form.post(action, { preserveScroll: true, onSuccess: () => onDone() })
  }
  const server = (kind: 'imap' | 'smtp', label: string) => {
    const values = form.data[kind]
    const set = (field: keyof typeof values, value: string | number | boolean) => form.setData(kind, { ...values, [field]: value })
    return (
      <Paper withBorder p="sm" component="fieldset" aria-label={`${label} server`}>
        <Stack gap="xs">
          <Text fw={600} size="sm">{label}</Text>
          <TextInput label={`${label} host`} value={values.host} onChange={(event) => set('host', event.currentTarget.value)} error={errors[`${kind}.host`] ?? errors[kind]} required />
          <NumberInput label={`${label} port`} value={values.port} onChange={(value) => set('port', Number(value))} error={errors[`${kind}.port`]} min={1} max={65535} required />
          <Checkbox label="TLS from the start (ports 993/465); otherwise STARTTLS when offered" checked={values.secure} onChange={(event) => set('secure', event.currentTarget.checked)} />
          <TextInput label={`${label} user name`} value={values.user} onChange={(event) => set('user', event.currentTarget.value)} error={errors[`${kind}.user`]} required autoComplete="off" />
          <PasswordInput label={`${label} password`} value={values.password} onChange={(event) => set('password', event.currentTarget.value)} error={errors[`${kind}.password`]} required autoComplete="new-password" />
        </Stack>
      </Paper>
    )
  }
  return (
    <Paper withBorder p="md" component="section" aria-label="Connect IMAP/SMTP mailbox">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">
            We log in to both servers before saving. Only mail that arrives after connecting becomes tickets. The passwords are encrypted and never shown again.
          </Text>
          <TextInput label="Support address" description="Replies are sent from this address." value={form.data.address} onChange={(event) => form.setData('address', event.currentTarget.value)} error={errors.address} required />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {server('imap', 'IMAP')}
            {server('smtp', 'SMTP')}
          </SimpleGrid>
          {errors.host && (
            <Alert color="red" role="alert">
              {errors.host}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={form.processing}>
              Test and connect
            </Button>
            <Button variant="subtle" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
