import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { blindIndex, encrypted, withEncryption } from '#vault/index'
import type { RequestType, Regime, RequestStatus, VerificationMethod } from '#privacy/services/request_types'

export interface ExtraIdentifiers {
  phones?: string[]
  externalIds?: string[]
}

/**
 * A data-subject request. `workspaceId` is NULL for a workspace user's
 * request to the platform; `keyScope` is the vault scope either way. The
 * email and details are sealed with the request's own key.
 */
export default class PrivacyRequest extends compose(
  BaseModel,
  withEncryption({ workspaceAttribute: 'keyScope', subject: { type: 'privacy_request', attribute: 'id' } })
) {
  static table = 'privacy_requests'

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string | null

  @column()
  declare keyScope: string

  @column()
  declare type: RequestType

  @column()
  declare regime: Regime

  @column()
  declare status: RequestStatus

  @column()
  declare subjectType: 'contact' | 'workspace_user'

  @column()
  declare requesterUserId: string | null

  /** The contact a widget visitor signed in by the site is (requests filed through the widget); cleared at erasure. */
  @column()
  declare subjectContactId: string | null

  @encrypted.string()
  declare email: string | null

  @blindIndex('email', 'email')
  declare emailIndex: string | null

  /** What the subject wrote (corrections wanted, purposes objected to). */
  @encrypted.json()
  declare details: { message?: string; purposes?: string[] } | null

  /** Further identifiers staff added (phone numbers, ids in other systems): the subject is searched by these too. */
  @encrypted.json()
  declare extraIdentifiers: ExtraIdentifiers | null

  @column({ serializeAs: null })
  declare verificationTokenHash: string | null

  @column.dateTime()
  declare verificationExpiresAt: DateTime | null

  @column()
  declare verifiedVia: VerificationMethod | null

  @column.dateTime()
  declare verifiedAt: DateTime | null

  @column({ serializeAs: null })
  declare statusTokenHash: string | null

  @column.dateTime()
  declare receivedAt: DateTime

  @column.dateTime()
  declare acknowledgeBy: DateTime | null

  @column.dateTime()
  declare acknowledgedAt: DateTime | null

  @column.dateTime()
  declare dueAt: DateTime

  @column.dateTime()
  declare extendedDueAt: DateTime | null

  @column()
  declare extensionReason: string | null

  @column()
  declare assigneeUserId: string | null

  @column()
  declare blockedReason: string | null

  @column()
  declare rejectionReason: string | null

  @column()
  declare mergedCount: number

  @column.dateTime()
  declare completedAt: DateTime | null

  @column.dateTime()
  declare rejectedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  get isOpen() {
    return this.status !== 'completed' && this.status !== 'rejected'
  }

  /** The deadline in force (extended or not). */
  get effectiveDueAt() {
    return this.extendedDueAt ?? this.dueAt
  }
}
