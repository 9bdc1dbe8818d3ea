import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { workspaceScope } from '#core/tenancy'

export const DEFAULT_CSAT_QUESTION = 'How would you rate the support you received?'

/** One row per workspace: CSAT settings and the ticket-number counter. */
export default class HelpdeskSettings extends BaseModel {
  static table = 'helpdesk_settings'
  static primaryKey = 'workspaceId'
  static forWorkspace = workspaceScope<typeof HelpdeskSettings>()

  @column({ isPrimary: true })
  declare workspaceId: string

  @column()
  declare lastTicketNumber: number

  @column()
  declare csatEnabled: boolean

  @column()
  declare csatQuestion: string | null

  /** How long the survey link stays valid. */
  @column()
  declare csatLinkDays: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  get question() {
    return this.csatQuestion || DEFAULT_CSAT_QUESTION
  }
}
