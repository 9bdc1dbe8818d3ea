import '@mantine/charts/styles.css'
import { BarChart } from '@mantine/charts'
import { Paper, Progress, Stack, Table, Text, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'

interface Props {
  rows: { day: string; feature: string; inputTokens: number; outputTokens: number; requests: number }[]
  usedThisMonth: number
  monthlyTokenLimit: number | null
}

const FEATURE_LABELS: Record<string, string> = {
  suggested_reply: 'Suggested replies',
  playground: 'Playground',
  ticket_summary: 'Ticket summaries',
  source_summary: 'Source summaries',
  widget_answer: 'Widget answers',
}
const COLORS = ['indigo.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.6']

/** AI token usage per day and feature (last 30 days) and this month's total against the limit. */
export default function AiUsage({ rows, usedThisMonth, monthlyTokenLimit }: Props) {
  const features = [...new Set(rows.map((row) => row.feature))]
  const days = [...new Set(rows.map((row) => row.day))]
  const chart = days.map((day) => {
    const point: Record<string, string | number> = { day }
    for (const feature of features) {
      const row = rows.find((candidate) => candidate.day === day && candidate.feature === feature)
      point[FEATURE_LABELS[feature] ?? feature] = row ? row.inputTokens + row.outputTokens : 0
    }
    return point
  })
  const format = (value: number) => value.toLocaleString('en')
  return (
    <AppLayout title="AI usage">
      <Paper withBorder p="md" component="section" aria-label="This month">
        <Stack gap={6}>
          <Text fw={600} data-testid="ai-used-this-month">
            {format(usedThisMonth)} tokens used this month{monthlyTokenLimit ? ` of ${format(monthlyTokenLimit)}` : ''}
          </Text>
          {monthlyTokenLimit && <Progress value={Math.min(100, (usedThisMonth / monthlyTokenLimit) * 100)} aria-label="Share of the monthly limit used" />}
          <Text size="xs" c="dimmed">
            Every request to the AI provider (Anthropic) is logged with its feature and token counts; no content is kept in the log.
          </Text>
        </Stack>
      </Paper>
      {chart.length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="sm">Tokens per day</Title>
          <BarChart h={240} data={chart} dataKey="day" type="stacked" series={features.map((feature, index) => ({ name: FEATURE_LABELS[feature] ?? feature, color: COLORS[index % COLORS.length] }))} />
        </Paper>
      )}
      <Table aria-label="AI usage by day and feature" withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Day</Table.Th>
            <Table.Th>Feature</Table.Th>
            <Table.Th>Requests</Table.Th>
            <Table.Th>Input tokens</Table.Th>
            <Table.Th>Output tokens</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...rows].reverse().map((row) => (
            <Table.Tr key={`${row.day}-${row.feature}`}>
              <Table.Td>{row.day}</Table.Td>
              <Table.Td>{FEATURE_LABELS[row.feature] ?? row.feature}</Table.Td>
              <Table.Td>{format(row.requests)}</Table.Td>
              <Table.Td>{format(row.inputTokens)}</Table.Td>
              <Table.Td>{format(row.outputTokens)}</Table.Td>
            </Table.Tr>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text size="sm" c="dimmed">No AI requests in the last 30 days.</Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </AppLayout>
  )
}
