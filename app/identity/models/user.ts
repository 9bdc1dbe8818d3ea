import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Membership from '#identity/models/membership'

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email'],
  passwordColumnName: 'password',
})

export default class User extends compose(BaseModel, AuthFinder) {
  @column({ isPrimary: true })
  declare id: string

  @column()
  declare email: string

  @column()
  declare fullName: string

  @column({ serializeAs: null })
  declare password: string

  @column.dateTime()
  declare emailVerifiedAt: DateTime | null

  /** Encrypted TOTP secret; never serialized. */
  @column({ serializeAs: null })
  declare totpSecret: string | null

  @column.dateTime()
  declare totpEnabledAt: DateTime | null

  /** Last TOTP time step used to sign in (replay guard). */
  @column({ serializeAs: null })
  declare totpLastStep: number | null

  @column()
  declare isOperator: boolean

  @column()
  declare lastWorkspaceId: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasMany(() => Membership)
  declare memberships: HasMany<typeof Membership>

  get hasTwoFactor() {
    return Boolean(this.totpEnabledAt)
  }

  get isVerified() {
    return Boolean(this.emailVerifiedAt)
  }

  /** Emails compare case-insensitively (unique index on lower(email)). */
  static normalizeEmail(email: string) {
    return email.trim().toLowerCase()
  }

  static findByEmail(email: string) {
    return this.query().whereRaw('lower(email) = ?', [User.normalizeEmail(email)]).first()
  }
}
