import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { assistantSettingsOf } from '#assistant/services/settings'
import { tokensUsedThisMonth } from '#assistant/services/ai_gateway'

/** Token usage per day and feature for the last `days` days, and this month's total against the limit. */
export default class BuildUsageReport {
  async handle(workspaceId: string, days = 30) {
    const since = DateTime.utc().minus({ days: days - 1 }).startOf('day')
    const rows = (await db
      .from('ai_requests')
      .where('workspace_id', workspaceId)
      .where('created_at', '>=', since.toJSDate())
      .select(db.raw("to_char(date_trunc('day', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day"), 'feature')
      .sum({ input: 'input_tokens', output: 'output_tokens' })
      .count('* as requests')
      .groupByRaw("1, 2")
      .orderByRaw('1, 2')) as { day: string; feature: string; input: string; output: string; requests: string }[]
    const settings = await assistantSettingsOf(workspaceId)
    const usedThisMonth = await tokensUsedThisMonth(workspaceId)
    return {
      rows: rows.map((row) => ({ day: row.day, feature: row.feature, inputTokens: Number(row.input), outputTokens: Number(row.output), requests: Number(row.requests) })),
      usedThisMonth,
      monthlyTokenLimit: settings.monthlyTokenLimit,
    }
  }
}
