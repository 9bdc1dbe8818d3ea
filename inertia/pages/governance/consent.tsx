import { useState } from 'react'
import { router, useForm, usePage } from '@inertiajs/react'
import { Anchor, Badge, Button, Code, CopyButton, Group, Paper, Select, Table, Text, TextInput, Textarea, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import type { SharedProps } from '~/types'

interface Purpose {
  id: string
  key: string
  name: string
  version: number
  text: string
  textHash: string
}

interface HistoryEvent {
  id: string
  purpose: string
  decision: 'grant' | 'withdraw' | 'refuse'
  channel: string
  gpc: boolean
  textVersion: number | null
  text: string | null
  textHash: string | null
  ipHashed: boolean
  occurredAt: string
}

interface Props {
  purposes: Purpose[]
  subject: { type: 'contact' | 'visitor'; id: string } | null
  history: HistoryEvent[] | null
  consentLink: string | null
  canManage: boolean
}

const DECISION_COLORS = { grant: 'teal', withdraw: 'red', refuse: 'orange' } as const

/** Consent purposes and their texts; a subject's full history with proof (text versions and hashes). */
export default function Consent({ purposes, subject, history, consentLink, canManage }: Props) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const base = `/w/${currentWorkspace!.slug}`
  const form = useForm({ key: '', name: '', text: '' })
  const [lookup, setLookup] = useState({ subjectType: subject?.type ?? 'contact', subjectId: subject?.id ?? '' })
  return (
    <AppLayout title="Consent">
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          Purposes
        </Title>
        <Table aria-label="Consent purposes">
          <Table.Tbody>
            {purposes.map((purpose) => (
              <Table.Tr key={purpose.id}>
                <Table.Td>
                  <Text fw={600}>{purpose.name}</Text>
                  <Code>{purpose.key}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{purpose.text}</Text>
                  <Text size="xs" c="dimmed">
                    version {purpose.version} · sha256 {purpose.textHash.slice(0, 16)}…
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {canManage && (
          <form
            onSubmit={(event) => {
              event.preventDefault()
              form.post(`${base}/governance/consent/purposes`, { preserveScroll: true, onSuccess: () => form.reset() })
            }}
          >
            <Group align="flex-end" mt="md">
              <TextInput label="Purpose key" placeholder="marketing_emails" value={form.data.key} onChange={(event) => form.setData('key', event.currentTarget.value)} error={form.errors.key} />
              <TextInput label="Purpose name" value={form.data.name} onChange={(event) => form.setData('name', event.currentTarget.value)} error={form.errors.name} />
            </Group>
            <Textarea mt="xs" label="Text shown when asking" description="Changing the text of an existing key creates a new version." value={form.data.text} onChange={(event) => form.setData('text', event.currentTarget.value)} error={form.errors.text} autosize minRows={2} />
            <Button type="submit" mt="xs" loading={form.processing}>
              Save purpose
            </Button>
          </form>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          History and proof for a subject
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            router.get(`${base}/governance/consent`, lookup)
          }}
        >
          <Group align="flex-end">
            <Select label="Subject type" data={[{ value: 'contact', label: 'Contact' }, { value: 'visitor', label: 'Visitor' }]} value={lookup.subjectType} onChange={(value) => setLookup({ ...lookup, subjectType: (value ?? 'contact') as 'contact' })} allowDeselect={false} />
            <TextInput label="Subject id" value={lookup.subjectId} onChange={(event) => setLookup({ ...lookup, subjectId: event.currentTarget.value })} w={340} />
            <Button type="submit">Show history</Button>
          </Group>
        </form>
        {subject && consentLink && (
          <Group mt="sm" gap="xs">
            <Text size="sm">Consent link for this subject (give or withdraw in one click):</Text>
            <CopyButton value={consentLink}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy link'}</Button>}</CopyButton>
            <Anchor size="sm" href={`${base}/governance/consent/proof?subjectType=${subject.type}&subjectId=${subject.id}`}>
              Download proof (JSON)
            </Anchor>
          </Group>
        )}
        {history && (
          <Table aria-label="Consent history" mt="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Purpose</Table.Th>
                <Table.Th>Decision</Table.Th>
                <Table.Th>Channel</Table.Th>
                <Table.Th>Text shown</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed">No consent events for this subject.</Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {history.map((event) => (
                <Table.Tr key={event.id} data-testid="consent-event">
                  <Table.Td>{new Date(event.occurredAt).toLocaleString()}</Table.Td>
                  <Table.Td>{event.purpose}</Table.Td>
                  <Table.Td>
                    <Badge color={DECISION_COLORS[event.decision]}>{event.decision}</Badge> {event.gpc && <Badge color="gray">GPC</Badge>}
                  </Table.Td>
                  <Table.Td>{event.channel}</Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      v{event.textVersion}: {event.text}
                    </Text>
                    <Text size="xs" c="dimmed">
                      sha256 {event.textHash}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </AppLayout>
  )
}
