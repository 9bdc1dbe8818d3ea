import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { workspaceScope } from '#core/tenancy'

/** A queue of tickets (Billing, Tier 2…) that tickets can be routed to. */
export default class Team extends BaseModel {
  static table = 'helpdesk_teams'
  static forWorkspace = workspaceScope<typeof Team>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare name: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
