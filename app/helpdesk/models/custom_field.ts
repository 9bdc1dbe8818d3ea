import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { workspaceScope } from '#core/tenancy'

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select', 'multi_select', 'checkbox'] as const
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number]

/** A ticket field an admin defined; values live (sealed) in tickets.custom_values under `key`. */
export default class CustomField extends BaseModel {
  static table = 'helpdesk_custom_fields'
  static forWorkspace = workspaceScope<typeof CustomField>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare key: string

  @column()
  declare label: string

  @column()
  declare type: CustomFieldType

  /** Choices of select and multi-select fields. */
  @column({ prepare: (value: string[] | null) => (value ? JSON.stringify(value) : null) })
  declare options: string[] | null

  @column()
  declare required: boolean

  @column()
  declare position: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
