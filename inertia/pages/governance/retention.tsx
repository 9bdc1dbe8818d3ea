import { useState } from 'react'
import { router, useForm, usePage } from '@inertiajs/react'
import { Alert, Badge, Button, Group, NumberInput, Paper, Select, Switch, Table, Text, TextInput, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import type { SharedProps } from '~/types'

interface Rule {
  key: string
  category: string
  label: string
  description: string
  days: number
  enabled: boolean
  fixed: boolean
  minDays: { days: number; reason: string } | null
  maxDays: { days: number; reason: string } | null
  notCarriedOut: string | null
}

interface PreviewItem {
  rule: string
  target: string
  noun: string
  action: 'delete' | 'close'
  count: number
}

interface Run {
  id: string
  trigger: string
  status: string
  counts: Record<string, number>
  skipped: { rule: string; reason: string }[]
  attempts: number
  startedAt: string
  finishedAt: string | null
}

interface Hold {
  id: string
  scope: 'workspace' | 'contact' | 'ticket'
  target: string
  reason: string
  placedAt: string
  releasedAt: string | null
  releaseReason: string | null
}

interface Props {
  rules: Rule[]
  preview: { items: PreviewItem[]; summary: string }
  runs: Run[]
  holds: Hold[]
  closure: { closedAt: string; purgeAfter: string } | null
  can: { manage: boolean; holds: boolean }
}

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—')

function RuleRow({ rule, base, canManage }: { rule: Rule; base: string; canManage: boolean }) {
  const form = useForm({ ruleKey: rule.key, days: rule.days, enabled: rule.enabled })
  const editable = canManage && !rule.fixed
  return (
    <Table.Tr data-testid={`rule-${rule.key}`}>
      <Table.Td>
        <Text fw={600}>{rule.label}</Text>
        <Text size="xs" c="dimmed">
          {rule.category} · {rule.description}
        </Text>
        {rule.notCarriedOut && (
          <Text size="xs" c="orange">
            {rule.notCarriedOut}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {editable ? (
          <NumberInput
            label={`Days for ${rule.label}`}
            size="xs"
            w={140}
            min={0}
            value={form.data.days}
            onChange={(value) => form.setData('days', Number(value))}
            error={form.errors.days}
          />
        ) : (
          <Text>{rule.days} days</Text>
        )}
        {(rule.minDays || rule.maxDays) && (
          <Text size="xs" c="dimmed">
            {rule.minDays && `min ${rule.minDays.days}`} {rule.maxDays && `max ${rule.maxDays.days}`}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {editable ? (
          <Switch label={`Enable ${rule.label}`} checked={form.data.enabled} onChange={(event) => form.setData('enabled', event.currentTarget.checked)} />
        ) : (
          <Badge color={rule.enabled ? 'teal' : 'gray'}>{rule.fixed ? 'Fixed' : rule.enabled ? 'On' : 'Off'}</Badge>
        )}
      </Table.Td>
      <Table.Td>
        {editable && (
          <Button size="xs" loading={form.processing} onClick={() => form.put(`${base}/governance/retention/rules`, { preserveScroll: true })}>
            Save {rule.label}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  )
}

function LegalHolds({ holds, base, canManage }: { holds: Hold[]; base: string; canManage: boolean }) {
  const form = useForm({ scope: 'contact' as Hold['scope'], targetId: '', reason: '' })
  const [releasing, setReleasing] = useState<string | null>(null)
  const [releaseReason, setReleaseReason] = useState('')
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Legal holds
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Nothing under a hold is deleted by retention or erased by a privacy request until the hold is released.
      </Text>
      {canManage && (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            form.post(`${base}/governance/legal-holds`, { preserveScroll: true, onSuccess: () => form.reset() })
          }}
        >
          <Group align="flex-end" mb="md">
            <Select
              label="Hold on"
              data={[
                { value: 'contact', label: 'A contact' },
                { value: 'ticket', label: 'A ticket' },
                { value: 'workspace', label: 'The whole workspace' },
              ]}
              value={form.data.scope}
              onChange={(value) => form.setData('scope', (value ?? 'contact') as Hold['scope'])}
              allowDeselect={false}
            />
            {form.data.scope !== 'workspace' && (
              <TextInput label={form.data.scope === 'contact' ? 'Contact email or id' : 'Ticket number or id'} placeholder={form.data.scope === 'contact' ? 'name@example.com' : '#123'} value={form.data.targetId} onChange={(event) => form.setData('targetId', event.currentTarget.value)} error={form.errors.targetId} w={340} />
            )}
            <TextInput label="Reason for the hold" value={form.data.reason} onChange={(event) => form.setData('reason', event.currentTarget.value)} error={form.errors.reason} w={320} />
            <Button type="submit" loading={form.processing}>
              Place hold
            </Button>
          </Group>
        </form>
      )}
      <Table aria-label="Legal holds">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Target</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th>Placed</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {holds.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text c="dimmed">No legal holds.</Text>
              </Table.Td>
            </Table.Tr>
          )}
          {holds.map((hold) => (
            <Table.Tr key={hold.id} data-testid="legal-hold">
              <Table.Td>{hold.target}</Table.Td>
              <Table.Td>{hold.reason}</Table.Td>
              <Table.Td>{when(hold.placedAt)}</Table.Td>
              <Table.Td>{hold.releasedAt ? <Badge color="gray">Released {when(hold.releasedAt)}</Badge> : <Badge color="red">In force</Badge>}</Table.Td>
              <Table.Td>
                {canManage && !hold.releasedAt && releasing !== hold.id && (
                  <Button size="xs" variant="light" onClick={() => setReleasing(hold.id)}>
                    Release
                  </Button>
                )}
                {releasing === hold.id && (
                  <Group gap="xs">
                    <TextInput size="xs" label="Reason for release" value={releaseReason} onChange={(event) => setReleaseReason(event.currentTarget.value)} />
                    <Button size="xs" onClick={() => router.post(`${base}/governance/legal-holds/${hold.id}/release`, { reason: releaseReason }, { preserveScroll: true, onSuccess: () => setReleasing(null) })}>
                      Confirm release
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

/** Retention rules, dry-run preview, run history, legal holds and workspace closure. */
export default function Retention({ rules, preview, runs, holds, closure, can }: Props) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const base = `/w/${currentWorkspace!.slug}`
  const [running, setRunning] = useState(false)
  return (
    <AppLayout title="Retention & legal holds">
      {closure && (
        <Alert color="red" title="This workspace is closed">
          It will be deleted, with its encryption keys, after {when(closure.purgeAfter)}.{' '}
          {can.manage && (
            <Button size="xs" ml="sm" onClick={() => router.delete(`${base}/governance/closure`)}>
              Restore workspace
            </Button>
          )}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          Dry run
        </Title>
        <Text data-testid="retention-preview-summary" fw={600}>
          {preview.summary}
        </Text>
        <Table aria-label="Retention preview" mt="xs">
          <Table.Tbody>
            {preview.items.map((item) => (
              <Table.Tr key={item.target} data-testid={`preview-${item.target}`}>
                <Table.Td>{item.action === 'delete' ? 'Delete' : 'Close'}</Table.Td>
                <Table.Td>
                  {item.count.toLocaleString('en-US')} {item.noun}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    rule {item.rule}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {can.manage && (
          <Button mt="sm" loading={running} onClick={() => router.post(`${base}/governance/retention/runs`, {}, { preserveScroll: true, onStart: () => setRunning(true), onFinish: () => setRunning(false) })}>
            Run retention now
          </Button>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          Rules
        </Title>
        <Table aria-label="Retention rules">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rule</Table.Th>
              <Table.Th>Period</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.map((rule) => (
              <RuleRow key={rule.key} rule={rule} base={base} canManage={can.manage} />
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <LegalHolds holds={holds} base={base} canManage={can.holds} />
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          Runs
        </Title>
        <Table aria-label="Retention runs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Started</Table.Th>
              <Table.Th>Trigger</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Counts</Table.Th>
              <Table.Th>Skipped</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed">No runs yet. Runs happen every night; you can also run now.</Text>
                </Table.Td>
              </Table.Tr>
            )}
            {runs.map((run) => (
              <Table.Tr key={run.id} data-testid="retention-run">
                <Table.Td>{when(run.startedAt)}</Table.Td>
                <Table.Td>{run.trigger}</Table.Td>
                <Table.Td>
                  <Badge color={run.status === 'completed' ? 'teal' : 'orange'}>{run.status}</Badge> {run.attempts > 1 && <Text span size="xs">({run.attempts} attempts)</Text>}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {Object.entries(run.counts)
                      .map(([target, count]) => `${target}: ${count}`)
                      .join(', ') || 'nothing to do'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{run.skipped.map((skip) => skip.rule).join(', ')}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {can.manage && !closure && (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">
            Close this workspace
          </Title>
          <Text size="sm" mb="sm">
            The workspace is kept for 90 days, during which you can restore it. Then it is deleted and its encryption keys are destroyed, so
            backups become unreadable too.
          </Text>
          <Button color="red" variant="light" onClick={() => confirm('Close this workspace?') && router.post(`${base}/governance/closure`)}>
            Close workspace
          </Button>
        </Paper>
      )}
    </AppLayout>
  )
}
