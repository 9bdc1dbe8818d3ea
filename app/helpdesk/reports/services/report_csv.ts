import type { ReportDto } from '#helpdesk/reports/presenters/report_presenter'
import type { ReportFilters } from '#helpdesk/reports/services/report_filters'

type Cell = string | number | null

/**
 * The report as one tidy CSV table (section, key, label, metric, value), so
 * a spreadsheet can pivot it: the same figures as the page, with the filters
 * first. Durations are in seconds.
 */
export function reportCsv(filters: ReportFilters, report: ReportDto, labels: { channel: string | null; team: string | null; agent: string | null; tag: string | null }) {
  const rows: Cell[][] = [['section', 'key', 'label', 'metric', 'value']]
  const add = (section: string, key: string | null, label: string | null, metric: string, value: Cell) =>
    rows.push([section, key, label, metric, value])

  add('filter', null, null, 'from', filters.from)
  add('filter', null, null, 'to', filters.to)
  add('filter', filters.channel, labels.channel, 'channel', filters.channel ?? 'all')
  add('filter', filters.teamId, labels.team, 'team', filters.teamId ? labels.team : 'all')
  add('filter', filters.agentId, labels.agent, 'agent', filters.agentId ? labels.agent : 'all')
  add('filter', filters.tagId, labels.tag, 'tag', filters.tagId ? labels.tag : 'all')

  const { summary } = report
  add('summary', null, null, 'tickets_created', summary.ticketsCreated)
  add('summary', null, null, 'tickets_resolved', summary.ticketsResolved)
  add('summary', null, null, 'messages_sent', summary.messagesSent)
  add('summary', null, null, 'first_response_median_seconds', summary.firstResponseMedianSeconds)
  add('summary', null, null, 'resolution_median_seconds', summary.resolutionMedianSeconds)
  add('summary', null, null, 'csat_average', summary.csatAverage)
  add('summary', null, null, 'csat_responses', summary.csatResponses)
  add('summary', null, null, 'csat_satisfied_percent', summary.csatSatisfiedPercent)

  for (const point of report.volume) {
    add('volume', point.day, point.day, 'tickets_created', point.created)
    add('volume', point.day, point.day, 'tickets_resolved', point.resolved)
  }
  for (const bucket of report.csatDistribution) {
    add('csat_distribution', String(bucket.score), `${bucket.score} of 5`, 'ratings', bucket.count)
  }
  for (const agent of report.byAgent) {
    add('agent', agent.agentId, agent.name, 'tickets_resolved', agent.ticketsResolved)
    add('agent', agent.agentId, agent.name, 'messages_sent', agent.messagesSent)
    add('agent', agent.agentId, agent.name, 'first_response_median_seconds', agent.firstResponseMedianSeconds)
    add('agent', agent.agentId, agent.name, 'resolution_median_seconds', agent.resolutionMedianSeconds)
    add('agent', agent.agentId, agent.name, 'csat_average', agent.csatAverage)
    add('agent', agent.agentId, agent.name, 'csat_responses', agent.csatResponses)
  }
  for (const tag of report.byTag) {
    add('tag', tag.tagId, tag.name, 'tickets_created', tag.ticketsCreated)
    add('tag', tag.tagId, tag.name, 'tickets_resolved', tag.ticketsResolved)
    add('tag', tag.tagId, tag.name, 'resolution_median_seconds', tag.resolutionMedianSeconds)
    add('tag', tag.tagId, tag.name, 'csat_average', tag.csatAverage)
    add('tag', tag.tagId, tag.name, 'csat_responses', tag.csatResponses)
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/**
 * RFC 4180 quoting, and text that a spreadsheet would run as a formula
 * (a name starting with =, +, - or @) is prefixed with an apostrophe.
 */
export function csvCell(value: Cell) {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}
