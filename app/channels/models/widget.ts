import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { workspaceScope } from '#core/tenancy'

/** A workspace's embed widget: look, greeting, where it may be embedded, and its identity secret (sealed). */
export default class Widget extends BaseModel {
  static forWorkspace = workspaceScope<typeof Widget>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare name: string

  @column()
  declare color: string

  @column()
  declare greeting: string

  @column({ prepare: (value: string[]) => JSON.stringify(value) })
  declare allowedOrigins: string[]

  @column()
  declare aiEnabled: boolean

  /** Keys of the workspace's consent purposes (governance) the widget asks for. */
  @column({ prepare: (value: string[]) => JSON.stringify(value) })
  declare consentPurposeKeys: string[]

  /** Sealed by the vault (`secrets`); never sent to the browser after creation. */
  @column({ serializeAs: null })
  declare identitySecret: string

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
