import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { workspaceScope, findInWorkspaceOrFail, RecordNotFoundException } from '#core/tenancy'
import { withEncryption, encrypted } from '#vault/index'
import type { ReportFilterInput } from '#helpdesk/reports/services/report_filters'

/** A user's named report filters; only that user sees and uses them. */
export default class SavedReport extends compose(BaseModel, withEncryption()) {
  static forWorkspace = workspaceScope<typeof SavedReport>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare userId: string

  @encrypted.string()
  declare name: string

  @column({ prepare: (value: unknown) => JSON.stringify(value) })
  declare filters: ReportFilterInput

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  /** Another user's report answers 404, exactly like another workspace's. */
  static async findOwnedOrFail(workspace: { id: string }, userId: string, id: unknown) {
    const report = await findInWorkspaceOrFail(SavedReport, workspace, id, 'Saved report')
    if (report.userId !== userId) throw new RecordNotFoundException('Saved report not found')
    return report
  }
}
