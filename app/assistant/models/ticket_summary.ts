import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { encrypted, withEncryption } from '#vault/index'
import { workspaceScope } from '#core/tenancy'

/** An AI summary of a ticket's conversation: derived from the contact's data, so sealed with the contact's key. */
export default class TicketSummary extends compose(BaseModel, withEncryption({ subject: { type: 'contact', attribute: 'contactId' } })) {
  static table = 'ticket_summaries'
  static forWorkspace = workspaceScope<typeof TicketSummary>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare ticketId: string

  @column()
  declare contactId: string

  @encrypted.string()
  declare summary: string

  @column()
  declare messageCount: number

  @column()
  declare model: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
