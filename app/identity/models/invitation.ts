import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Workspace from '#identity/models/workspace'
import User from '#identity/models/user'
import type { Role } from '#identity/roles'
import { workspaceScope } from '#core/tenancy'

export default class Invitation extends BaseModel {
  static forWorkspace = workspaceScope<typeof Invitation>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare email: string

  @column()
  declare role: Role

  @column({ serializeAs: null })
  declare tokenHash: string

  @column()
  declare invitedById: string | null

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare acceptedAt: DateTime | null

  @column.dateTime()
  declare revokedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Workspace)
  declare workspace: BelongsTo<typeof Workspace>

  @belongsTo(() => User, { foreignKey: 'invitedById' })
  declare invitedBy: BelongsTo<typeof User>

  get isPending() {
    return !this.acceptedAt && !this.revokedAt && this.expiresAt > DateTime.now()
  }
}
