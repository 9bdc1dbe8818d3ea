import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type RetentionRunStatus = 'running' | 'interrupted' | 'completed'

/** One retention run of a workspace: counts per target, and the target in progress (resume cursor). */
export default class RetentionRun extends BaseModel {
  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare trigger: 'schedule' | 'manual'

  @column()
  declare status: RetentionRunStatus

  @column()
  declare counts: Record<string, number>

  /** Rules skipped and why (legal hold on the workspace, no executor yet). */
  // pg would send a JS array as a PostgreSQL array, not JSON.
  @column({ prepare: (value) => JSON.stringify(value ?? []) })
  declare skipped: { rule: string; reason: string }[]

  @column()
  declare cursor: string | null

  /** The error's class name only: messages may quote data. */
  @column()
  declare error: string | null

  @column()
  declare attempts: number

  @column.dateTime()
  declare startedAt: DateTime

  @column.dateTime()
  declare finishedAt: DateTime | null
}
