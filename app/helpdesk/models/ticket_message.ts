import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { encrypted, withEncryption } from '#vault/index'
import { User } from '#identity/index'
import { workspaceScope } from '#core/tenancy'
import TicketAttachment from '#helpdesk/models/ticket_attachment'

export const MESSAGE_KINDS = ['inbound', 'outbound', 'note'] as const
/** inbound: from the contact; outbound: an agent's reply; note: internal, never shown to the contact. */
export type MessageKind = (typeof MESSAGE_KINDS)[number]

/** One entry of a conversation. Messages are appended, never edited, so no one's words are lost to a race. */
export default class TicketMessage extends compose(BaseModel, withEncryption({ subject: { type: 'contact', attribute: 'contactId' } })) {
  static table = 'ticket_messages'
  static forWorkspace = workspaceScope<typeof TicketMessage>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare ticketId: string

  @column()
  declare contactId: string

  @column()
  declare kind: MessageKind

  @column()
  declare authorUserId: string | null

  /** 'assistant': written by the AI assistant (chat widget answers); null otherwise. */
  @column()
  declare authorKind: 'assistant' | 'system' | null

  @encrypted.string()
  declare body: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @belongsTo(() => User, { foreignKey: 'authorUserId' })
  declare author: BelongsTo<typeof User>

  @hasMany(() => TicketAttachment, { foreignKey: 'messageId' })
  declare attachments: HasMany<typeof TicketAttachment>

  get isInternal() {
    return this.kind === 'note'
  }
}
