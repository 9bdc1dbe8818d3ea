import '@mantine/charts/styles.css'
import { useState } from 'react'
import { router, useForm, usePage } from '@inertiajs/react'
import { BarChart, LineChart } from '@mantine/charts'
import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import type { SharedProps } from '~/types'

interface Filters {
  from: string
  to: string
  lastDays: number | null
  channel: string | null
  teamId: string | null
  agentId: string | null
  tagId: string | null
}

interface Option {
  value: string
  label: string
}

interface Summary {
  ticketsCreated: number
  ticketsResolved: number
  messagesSent: number
  firstResponseMedianSeconds: number | null
  resolutionMedianSeconds: number | null
  csatAverage: number | null
  csatResponses: number
  csatSatisfiedPercent: number | null
}

interface AgentRow {
  agentId: string
  name: string
  ticketsResolved: number
  messagesSent: number
  firstResponseMedianSeconds: number | null
  resolutionMedianSeconds: number | null
  csatAverage: number | null
  csatResponses: number
}

interface TagRow {
  tagId: string
  name: string
  color: string
  ticketsCreated: number
  ticketsResolved: number
  resolutionMedianSeconds: number | null
  csatAverage: number | null
  csatResponses: number
}

interface Props {
  filters: Filters
  options: { channels: Option[]; teams: Option[]; agents: Option[]; tags: (Option & { color: string })[] }
  report: {
    summary: Summary
    volume: { day: string; created: number; resolved: number }[]
    csatDistribution: { score: number; count: number }[]
    byAgent: AgentRow[]
    byTag: TagRow[]
  }
  savedReports: { id: string; name: string }[]
  activeReportId: string | null
  timezone: string
}

const RANGES = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: 'custom', label: 'Custom' },
]

/** 5400 → "1 h 30 min"; durations are medians in seconds. */
export function formatDuration(seconds: number | null) {
  if (seconds === null) return '—'
  if (seconds < 60) return `${Math.round(seconds)} s`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`
  const days = Math.floor(hours / 24)
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`
}

/** Query parameters of a filter set, without empty ones. */
function queryOf(filters: Partial<Filters>) {
  const query: Record<string, string> = {}
  if (filters.lastDays) query.lastDays = String(filters.lastDays)
  else {
    if (filters.from) query.from = filters.from
    if (filters.to) query.to = filters.to
  }
  for (const key of ['channel', 'teamId', 'agentId', 'tagId'] as const) {
    if (filters[key]) query[key] = filters[key]!
  }
  return query
}

function StatCard({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="xl" fw={700} mt={4} data-testid={`${testId}-value`}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  )
}

export default function Reports({ filters, options, report, savedReports, activeReportId, timezone }: Props) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const base = `/w/${currentWorkspace!.slug}/reports`
  const [range, setRange] = useState(filters.lastDays && [7, 30, 90].includes(filters.lastDays) ? String(filters.lastDays) : 'custom')
  const [customDates, setCustomDates] = useState({ from: filters.from, to: filters.to })
  const save = useForm({ name: '' })
  const { summary } = report

  const apply = (changes: Partial<Filters>) => {
    router.get(base, queryOf({ ...filters, ...changes }), { preserveScroll: true, preserveState: false })
  }
  const chooseRange = (value: string) => {
    setRange(value)
    if (value !== 'custom') apply({ lastDays: Number(value), from: undefined, to: undefined })
  }
  const exportUrl = `${base}/export.csv?${new URLSearchParams(activeReportId ? { report: activeReportId } : queryOf(filters))}`
  const volumeSeries = [
    { name: 'created', label: 'Created', color: 'indigo.6' },
    { name: 'resolved', label: 'Resolved', color: 'teal.6' },
  ]

  return (
    <AppLayout
      title="Reports"
      actions={
        <Group gap="xs">
          {/* AI token usage per day and feature lives with the assistant. */}
          <Button component="a" href={`/w/${currentWorkspace!.slug}/ai/usage`} variant="subtle">
            AI usage
          </Button>
          <Button component="a" href={exportUrl} variant="default" data-testid="export-csv">
            Export CSV
          </Button>
        </Group>
      }
    >
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group align="flex-end" gap="sm">
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Period
              </Text>
              <SegmentedControl data={RANGES} value={range} onChange={chooseRange} aria-label="Period" />
            </Stack>
            {range === 'custom' && (
              <>
                <TextInput
                  type="date"
                  label="From"
                  value={customDates.from}
                  onChange={(event) => setCustomDates({ ...customDates, from: event.currentTarget.value })}
                />
                <TextInput
                  type="date"
                  label="To"
                  value={customDates.to}
                  onChange={(event) => setCustomDates({ ...customDates, to: event.currentTarget.value })}
                />
                <Button variant="light" onClick={() => apply({ lastDays: null, ...customDates })}>
                  Apply dates
                </Button>
              </>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <Select label="Channel" placeholder="All channels" clearable data={options.channels} value={filters.channel} onChange={(value) => apply({ channel: value })} />
            <Select label="Team" placeholder="All teams" clearable data={options.teams} value={filters.teamId} onChange={(value) => apply({ teamId: value })} />
            <Select label="Agent" placeholder="All agents" clearable searchable data={options.agents} value={filters.agentId} onChange={(value) => apply({ agentId: value })} />
            <Select label="Tag" placeholder="All tags" clearable searchable data={options.tags} value={filters.tagId} onChange={(value) => apply({ tagId: value })} />
          </SimpleGrid>
          <Group align="flex-end" gap="sm">
            <Select
              label="Saved reports"
              placeholder={savedReports.length ? 'Open a saved report' : 'None saved yet'}
              data={savedReports.map((saved) => ({ value: saved.id, label: saved.name }))}
              value={activeReportId}
              disabled={savedReports.length === 0}
              onChange={(id) => (id ? router.get(base, { report: id }) : router.get(base))}
              style={{ minWidth: 220 }}
            />
            {activeReportId && (
              <Button
                variant="subtle"
                color="red"
                onClick={() => {
                  if (window.confirm('Delete this saved report?')) router.delete(`${base}/saved/${activeReportId}`)
                }}
              >
                Delete saved report
              </Button>
            )}
            <form
              style={{ display: 'flex', gap: 8, alignItems: 'flex-end', marginLeft: 'auto' }}
              onSubmit={(event) => {
                event.preventDefault()
                save.transform((data) => ({ ...data, ...queryOf(filters) }))
                save.post(`${base}/saved`, { onSuccess: () => save.reset() })
              }}
            >
              <TextInput
                label="Save these filters as"
                placeholder="e.g. Billing, last 30 days"
                value={save.data.name}
                maxLength={80}
                onChange={(event) => save.setData('name', event.currentTarget.value)}
                error={save.errors.name}
              />
              <Button type="submit" variant="light" loading={save.processing}>
                Save report
              </Button>
            </form>
          </Group>
          <Text size="xs" c="dimmed">
            {filters.from} to {filters.to} ({timezone})
          </Text>
        </Stack>
      </Paper>

      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
        <StatCard testId="stat-created" label="Tickets created" value={String(summary.ticketsCreated)} hint={`${summary.ticketsResolved} resolved`} />
        <StatCard testId="stat-first-response" label="First response (median)" value={formatDuration(summary.firstResponseMedianSeconds)} />
        <StatCard testId="stat-resolution" label="Resolution time (median)" value={formatDuration(summary.resolutionMedianSeconds)} />
        <StatCard
          testId="stat-csat"
          label="CSAT (average)"
          value={summary.csatAverage === null ? '—' : `${summary.csatAverage.toFixed(2)} / 5`}
          hint={summary.csatResponses ? `${summary.csatResponses} ratings, ${summary.csatSatisfiedPercent}% satisfied` : 'No ratings yet'}
        />
      </SimpleGrid>

      <Paper withBorder p="md" data-testid="chart-volume">
        <Title order={2} size="h4" mb="sm">
          Volume per day
        </Title>
        <LineChart h={260} data={report.volume} dataKey="day" series={volumeSeries} curveType="linear" withLegend withDots={report.volume.length <= 31} />
      </Paper>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Paper withBorder p="md" data-testid="chart-csat">
          <Title order={2} size="h4" mb="sm">
            CSAT ratings
          </Title>
          <BarChart
            h={220}
            data={report.csatDistribution.map((bucket) => ({ score: `${bucket.score} ★`, ratings: bucket.count }))}
            dataKey="score"
            series={[{ name: 'ratings', label: 'Ratings', color: 'yellow.6' }]}
          />
        </Paper>
        <Paper withBorder p="md" data-testid="chart-agents">
          <Title order={2} size="h4" mb="sm">
            Resolved by agent
          </Title>
          {report.byAgent.length === 0 ? (
            <Text c="dimmed" size="sm">
              No agent activity in this period.
            </Text>
          ) : (
            <BarChart
              h={220}
              data={report.byAgent.slice(0, 10).map((row) => ({ agent: row.name, resolved: row.ticketsResolved }))}
              dataKey="agent"
              series={[{ name: 'resolved', label: 'Resolved', color: 'teal.6' }]}
            />
          )}
        </Paper>
      </SimpleGrid>

      <Paper withBorder>
        <Title order={2} size="h4" p="md" pb={0}>
          By agent
        </Title>
        <Table striped verticalSpacing="xs" aria-label="By agent" data-testid="table-agents">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Agent</Table.Th>
              <Table.Th>Resolved</Table.Th>
              <Table.Th>Messages</Table.Th>
              <Table.Th>First response</Table.Th>
              <Table.Th>Resolution</Table.Th>
              <Table.Th>CSAT</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.byAgent.map((row) => (
              <Table.Tr key={row.agentId}>
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>{row.ticketsResolved}</Table.Td>
                <Table.Td>{row.messagesSent}</Table.Td>
                <Table.Td>{formatDuration(row.firstResponseMedianSeconds)}</Table.Td>
                <Table.Td>{formatDuration(row.resolutionMedianSeconds)}</Table.Td>
                <Table.Td>{row.csatAverage === null ? '—' : `${row.csatAverage.toFixed(2)} (${row.csatResponses})`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder>
        <Title order={2} size="h4" p="md" pb={0}>
          By tag
        </Title>
        <Table striped verticalSpacing="xs" aria-label="By tag" data-testid="table-tags">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Tag</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Resolved</Table.Th>
              <Table.Th>Resolution</Table.Th>
              <Table.Th>CSAT</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.byTag.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text c="dimmed" size="sm">
                    No tagged tickets in this period.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {report.byTag.map((row) => (
              <Table.Tr key={row.tagId}>
                <Table.Td>
                  <Badge color={row.color} variant="light">
                    {row.name}
                  </Badge>
                </Table.Td>
                <Table.Td>{row.ticketsCreated}</Table.Td>
                <Table.Td>{row.ticketsResolved}</Table.Td>
                <Table.Td>{formatDuration(row.resolutionMedianSeconds)}</Table.Td>
                <Table.Td>{row.csatAverage === null ? '—' : `${row.csatAverage.toFixed(2)} (${row.csatResponses})`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </AppLayout>
  )
}
