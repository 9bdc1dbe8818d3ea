import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { blindIndex, encrypted, withEncryption } from '#vault/index'
import { workspaceScope } from '#core/tenancy'
import ContactExternalId from '#helpdesk/models/contact_external_id'
import Ticket from '#helpdesk/models/ticket'

export type ContactTraits = Record<string, string | number | boolean | null>

/**
 * A person who writes to the workspace. Personal values are sealed with the
 * contact's own key (destroying it shreds them everywhere); email and phone
 * are found through blind indexes.
 */
export default class Contact extends compose(BaseModel, withEncryption({ subject: { type: 'contact', attribute: 'id' } })) {
  static forWorkspace = workspaceScope<typeof Contact>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @encrypted.string()
  declare name: string | null

  @encrypted.string()
  declare email: string | null

  @blindIndex('email', 'email')
  declare emailIndex: string | null

  @encrypted.string()
  declare phone: string | null

  @blindIndex('phone', 'phone')
  declare phoneIndex: string | null

  @encrypted.json()
  declare traits: ContactTraits | null

  /** Set by the privacy desk on a restriction or objection: no analytics, no surveys. */
  @column.dateTime()
  declare processingRestrictedAt: DateTime | null

  /** Objections per purpose recorded by the privacy desk, e.g. `{ analytics: '<ISO date>' }`. */
  @column()
  declare processingObjections: Record<string, string>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasMany(() => ContactExternalId)
  declare externalIds: HasMany<typeof ContactExternalId>

  @hasMany(() => Ticket)
  declare tickets: HasMany<typeof Ticket>

  get isProcessingRestricted() {
    return Boolean(this.processingRestrictedAt)
  }

  get displayName() {
    return Contact.displayNameOf(this, this.isShredded)
  }

  /** How a contact is named in lists, also for rows read without a model. */
  static displayNameOf(contact: { name: string | null; email: string | null; phone: string | null }, shredded: boolean) {
    if (shredded) return 'Erased contact'
    return contact.name || contact.email || contact.phone || 'Unnamed contact'
  }
}
