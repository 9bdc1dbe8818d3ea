import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { encrypted, withEncryption } from '#vault/index'
import { workspaceScope } from '#core/tenancy'
import AssistantThreadMessage from '#assistant/models/assistant_thread_message'

/** A playground investigation: an admin's questions and the answers with what was retrieved (kept). */
export default class AssistantThread extends compose(BaseModel, withEncryption()) {
  static table = 'assistant_threads'
  static forWorkspace = workspaceScope<typeof AssistantThread>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare userId: string | null

  @encrypted.string()
  declare title: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasMany(() => AssistantThreadMessage, { foreignKey: 'threadId' })
  declare messages: HasMany<typeof AssistantThreadMessage>
}
