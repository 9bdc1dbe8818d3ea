import { useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { Alert, Badge, Button, Group, Paper, Stack, Switch, Table, Text, Textarea, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import type { SharedProps } from '~/types'

interface Subprocessor {
  id: string
  name: string
  legalEntity: string
  country: string
  category: string
  purpose: string
  region: string
  transferMechanism: string
  status: 'upcoming' | 'active' | 'retired'
  effectiveAt: string
  objection: { reason: string; createdAt: string } | null
}

interface PolicyVersion {
  id: string
  version: string
  title: string
  summary: string
  effectiveAt: string
  status: 'current' | 'upcoming' | 'past'
}

interface Props {
  subprocessors: Subprocessor[]
  policyVersions: PolicyVersion[]
  subscribed: boolean
  ownerAlwaysNotified: boolean
  canObject: boolean
}

const day = (iso: string) => new Date(iso).toLocaleDateString()

function Objection({ subprocessor, base }: { subprocessor: Subprocessor; base: string }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  if (subprocessor.objection) {
    return (
      <Alert color="orange" title="Your workspace objected" data-testid={`objection-${subprocessor.name}`}>
        {subprocessor.objection.reason}
      </Alert>
    )
  }
  if (!open) {
    return (
      <Button size="xs" variant="light" color="orange" onClick={() => setOpen(true)}>
        Object to {subprocessor.name}
      </Button>
    )
  }
  return (
    <Stack gap="xs">
      <Textarea label={`Why do you object to ${subprocessor.name}?`} value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={2} />
      <Group>
        <Button size="xs" color="orange" onClick={() => router.post(`${base}/governance/subprocessors/${subprocessor.id}/objection`, { reason }, { preserveScroll: true })}>
          Send objection
        </Button>
        <Button size="xs" variant="subtle" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </Group>
    </Stack>
  )
}

/** Subprocessor notices (object during the notice period), subscription, and privacy-policy versions. */
export default function Notices({ subprocessors, policyVersions, subscribed, ownerAlwaysNotified, canObject }: Props) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const base = `/w/${currentWorkspace!.slug}`
  const upcoming = subprocessors.filter((subprocessor) => subprocessor.status === 'upcoming')
  const active = subprocessors.filter((subprocessor) => subprocessor.status === 'active')
  return (
    <AppLayout title="Subprocessors & policy">
      <Paper withBorder p="md">
        <Switch
          label="Email me about new subprocessors and policy changes"
          checked={subscribed}
          disabled={ownerAlwaysNotified}
          onChange={(event) => router.put(`${base}/governance/notices/subscription`, { subscribe: event.currentTarget.checked }, { preserveScroll: true })}
        />
        {ownerAlwaysNotified && (
          <Text size="xs" c="dimmed" mt={4}>
            As an owner you are always notified: the platform must inform the controller before a change (GDPR Art. 28(2)).
          </Text>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          Upcoming subprocessors (notice period)
        </Title>
        {upcoming.length === 0 && <Text c="dimmed">No subprocessor is being added.</Text>}
        <Stack>
          {upcoming.map((subprocessor) => (
            <Paper key={subprocessor.id} withBorder p="sm" data-testid={`upcoming-${subprocessor.name}`}>
              <Group justify="space-between">
                <Text fw={600}>
                  {subprocessor.name} <Text span c="dimmed">({subprocessor.legalEntity}, {subprocessor.country})</Text>
                </Text>
                <Badge color="blue">Takes effect {day(subprocessor.effectiveAt)}</Badge>
              </Group>
              <Text size="sm">
                {subprocessor.category} — {subprocessor.purpose}. Region: {subprocessor.region}. Transfers: {subprocessor.transferMechanism}.
              </Text>
              {canObject && (
                <div style={{ marginTop: 8 }}>
                  <Objection subprocessor={subprocessor} base={base} />
                </div>
              )}
            </Paper>
          ))}
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          Subprocessors in use
        </Title>
        <Table aria-label="Subprocessors in use">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Purpose</Table.Th>
              <Table.Th>Country / region</Table.Th>
              <Table.Th>Transfer mechanism</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {active.map((subprocessor) => (
              <Table.Tr key={subprocessor.id}>
                <Table.Td>{subprocessor.name}</Table.Td>
                <Table.Td>{subprocessor.purpose}</Table.Td>
                <Table.Td>
                  {subprocessor.country} / {subprocessor.region}
                </Table.Td>
                <Table.Td>{subprocessor.transferMechanism}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          Privacy policy versions
        </Title>
        {policyVersions.length === 0 && <Text c="dimmed">No versions published yet.</Text>}
        {policyVersions.map((version) => (
          <Text key={version.id} size="sm">
            <Badge mr="xs" color={version.status === 'upcoming' ? 'blue' : version.status === 'current' ? 'teal' : 'gray'}>
              {version.status}
            </Badge>
            {version.version} — {version.title} (effective {day(version.effectiveAt)}): {version.summary}
          </Text>
        ))}
      </Paper>
    </AppLayout>
  )
}
