import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { daysOf, type ReportFilters } from '#helpdesk/reports/services/report_filters'

export interface ReportSummary {
  ticketsCreated: number
  ticketsResolved: number
  messagesSent: number
  firstResponseMedianSeconds: number | null
  resolutionMedianSeconds: number | null
  csatAverage: number | null
  csatResponses: number
  /** Share of ratings of 4 or 5, in percent. */
  csatSatisfiedPercent: number | null
}

export interface VolumePoint {
  day: string
  created: number
  resolved: number
}

export interface CsatBucket {
  score: number
  count: number
}

export interface AgentRow {
  agentId: string
  ticketsResolved: number
  messagesSent: number
  firstResponseMedianSeconds: number | null
  resolutionMedianSeconds: number | null
  csatAverage: number | null
  csatResponses: number
}

export interface TagRow {
  tagId: string
  ticketsCreated: number
  ticketsResolved: number
  resolutionMedianSeconds: number | null
  csatAverage: number | null
  csatResponses: number
}

export interface ReportFigures {
  summary: ReportSummary
  volume: VolumePoint[]
  csatDistribution: CsatBucket[]
  byAgent: AgentRow[]
  byTag: TagRow[]
}

const median = (type: string) => `percentile_cont(0.5) WITHIN GROUP (ORDER BY value) FILTER (WHERE type = '${type}')`
const countOf = (type: string) => `count(*) FILTER (WHERE type = '${type}')`

/**
 * The reports page's figures, aggregated in SQL over analytics_events of one
 * workspace (medians with percentile_cont). Every query starts from the same
 * scoped, filtered set of events, so the page, the CSV and the tests agree.
 */
export default class ComputeReport {
  constructor(private timezone: string) {}

  async handle(workspaceId: string, filters: ReportFilters): Promise<ReportFigures> {
    // One after another: in a transaction they share a single connection.
    const summary = await this.#summary(workspaceId, filters)
    const volume = await this.#volume(workspaceId, filters)
    const csatDistribution = await this.#csatDistribution(workspaceId, filters)
    const byAgent = await this.#byAgent(workspaceId, filters)
    const byTag = await this.#byTag(workspaceId, filters)
    return { summary, volume, csatDistribution, byAgent, byTag }
  }

  /** The workspace's events in the date range (workspace time zone) that match the filters. */
  events(workspaceId: string, filters: ReportFilters): DatabaseQueryBuilderContract {
    const start = DateTime.fromISO(filters.from, { zone: this.timezone }).startOf('day')
    const end = DateTime.fromISO(filters.to, { zone: this.timezone }).plus({ days: 1 }).startOf('day')
    return db
      .from('analytics_events')
      .where('workspace_id', workspaceId)
      .where('occurred_at', '>=', start.toJSDate())
      .where('occurred_at', '<', end.toJSDate())
      .if(filters.channel, (query) => query.where('channel', filters.channel!))
      .if(filters.teamId, (query) => query.where('team_id', filters.teamId!))
      .if(filters.agentId, (query) => query.where('agent_user_id', filters.agentId!))
      .if(filters.tagId, (query) => query.whereRaw('tag_ids @> ARRAY[?]::uuid[]', [filters.tagId!]))
  }

  async #summary(workspaceId: string, filters: ReportFilters): Promise<ReportSummary> {
    const row = await this.events(workspaceId, filters)
      .select(
        db.raw(`${countOf('ticket_created')} AS tickets_created`),
        db.raw(`${countOf('ticket_resolved')} AS tickets_resolved`),
        db.raw(`${countOf('message_sent')} AS messages_sent`),
        db.raw(`${median('first_response')} AS first_response_median`),
        db.raw(`${median('ticket_resolved')} AS resolution_median`),
        db.raw(`avg(value) FILTER (WHERE type = 'csat_rated') AS csat_average`),
        db.raw(`${countOf('csat_rated')} AS csat_responses`),
        db.raw(`count(*) FILTER (WHERE type = 'csat_rated' AND value >= 4) AS csat_satisfied`)
      )
      .firstOrFail()
    const responses = Number(row.csat_responses)
    return {
      ticketsCreated: Number(row.tickets_created),
      ticketsResolved: Number(row.tickets_resolved),
      messagesSent: Number(row.messages_sent),
      firstResponseMedianSeconds: roundedOrNull(row.first_response_median, 0),
      resolutionMedianSeconds: roundedOrNull(row.resolution_median, 0),
      csatAverage: roundedOrNull(row.csat_average, 2),
      csatResponses: responses,
      csatSatisfiedPercent: responses ? Math.round((Number(row.csat_satisfied) / responses) * 1000) / 10 : null,
    }
  }

  async #volume(workspaceId: string, filters: ReportFilters): Promise<VolumePoint[]> {
    const rows = await this.events(workspaceId, filters)
      .whereIn('type', ['ticket_created', 'ticket_resolved'])
      .select(
        db.raw(`to_char(occurred_at AT TIME ZONE ?, 'YYYY-MM-DD') AS day`, [this.timezone]),
        db.raw(`${countOf('ticket_created')} AS created`),
        db.raw(`${countOf('ticket_resolved')} AS resolved`)
      )
      .groupByRaw('1')
    const byDay = new Map(rows.map((row) => [row.day as string, row]))
    return daysOf(filters).map((day) => ({
      day,
      created: Number(byDay.get(day)?.created ?? 0),
      resolved: Number(byDay.get(day)?.resolved ?? 0),
    }))
  }

  async #csatDistribution(workspaceId: string, filters: ReportFilters): Promise<CsatBucket[]> {
    const rows = await this.events(workspaceId, filters)
      .where('type', 'csat_rated')
      .select(db.raw('round(value)::int AS score'), db.raw('count(*) AS count'))
      .groupByRaw('1')
    const countOfScore = new Map(rows.map((row) => [Number(row.score), Number(row.count)]))
    return [1, 2, 3, 4, 5].map((score) => ({ score, count: countOfScore.get(score) ?? 0 }))
  }

  async #byAgent(workspaceId: string, filters: ReportFilters): Promise<AgentRow[]> {
    const rows = await this.events(workspaceId, filters)
      .whereNotNull('agent_user_id')
      .select(
        'agent_user_id',
        db.raw(`${countOf('ticket_resolved')} AS tickets_resolved`),
        db.raw(`${countOf('message_sent')} AS messages_sent`),
        db.raw(`${median('first_response')} AS first_response_median`),
        db.raw(`${median('ticket_resolved')} AS resolution_median`),
        db.raw(`avg(value) FILTER (WHERE type = 'csat_rated') AS csat_average`),
        db.raw(`${countOf('csat_rated')} AS csat_responses`)
      )
      .groupBy('agent_user_id')
      .orderByRaw('2 DESC, 3 DESC, agent_user_id')
      .limit(200)
    return rows.map((row: Record<string, any>) => ({
      agentId: row.agent_user_id,
      ticketsResolved: Number(row.tickets_resolved),
      messagesSent: Number(row.messages_sent),
      firstResponseMedianSeconds: roundedOrNull(row.first_response_median, 0),
      resolutionMedianSeconds: roundedOrNull(row.resolution_median, 0),
      csatAverage: roundedOrNull(row.csat_average, 2),
      csatResponses: Number(row.csat_responses),
    }))
  }

  async #byTag(workspaceId: string, filters: ReportFilters): Promise<TagRow[]> {
    const rows = await db
      .from(this.events(workspaceId, filters).whereNotNull('tag_ids').select('type', 'value', 'tag_ids').as('matching'))
      .joinRaw('CROSS JOIN LATERAL unnest(matching.tag_ids) AS tag_id')
      .select(
        'tag_id',
        db.raw(`${countOf('ticket_created')} AS tickets_created`),
        db.raw(`${countOf('ticket_resolved')} AS tickets_resolved`),
        db.raw(`${median('ticket_resolved')} AS resolution_median`),
        db.raw(`avg(value) FILTER (WHERE type = 'csat_rated') AS csat_average`),
        db.raw(`${countOf('csat_rated')} AS csat_responses`)
      )
      .groupBy('tag_id')
      .orderByRaw('2 DESC, 3 DESC, tag_id')
      .limit(200)
    return rows.map((row: Record<string, any>) => ({
      tagId: row.tag_id,
      ticketsCreated: Number(row.tickets_created),
      ticketsResolved: Number(row.tickets_resolved),
      resolutionMedianSeconds: roundedOrNull(row.resolution_median, 0),
      csatAverage: roundedOrNull(row.csat_average, 2),
      csatResponses: Number(row.csat_responses),
    }))
  }
}

function roundedOrNull(value: unknown, decimals: number) {
  if (value === null || value === undefined) return null
  const factor = 10 ** decimals
  return Math.round(Number(value) * factor) / factor
}
