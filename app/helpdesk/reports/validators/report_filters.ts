import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import type { Database } from '@adonisjs/lucid/database'

/** Ids in filters must belong to the workspace: a foreign id is refused, not silently ignored. */
function inWorkspace(table: string, column = 'id') {
  return async (db: Database, value: string, field: FieldContext) =>
    Boolean(await db.from(table).where('workspace_id', field.meta.workspaceId).where(column, value).first())
}

const day = () => vine.date({ formats: ['YYYY-MM-DD'] })

export const reportFilterFields = {
  from: day().optional(),
  to: day().afterOrSameAs('from').optional(),
  lastDays: vine.number().withoutDecimals().range([1, 366]).optional(),
  channel: vine.string().trim().maxLength(32).optional(),
  teamId: vine.string().uuid().exists(inWorkspace('helpdesk_teams')).optional(),
  agentId: vine.string().uuid().exists(inWorkspace('memberships', 'user_id')).optional(),
  tagId: vine.string().uuid().exists(inWorkspace('helpdesk_tags')).optional(),
}

export const reportFiltersValidator = vine.withMetaData<{ workspaceId: string }>().create({
  ...reportFilterFields,
  report: vine.string().uuid().optional(),
})

export const saveReportValidator = vine.withMetaData<{ workspaceId: string }>().create({
  name: vine.string().trim().minLength(1).maxLength(80),
  ...reportFilterFields,
})
