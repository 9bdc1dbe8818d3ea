import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export interface AnswerSource {
  number: number
  title: string
  url: string | null
}

/** Marks a ticket message as written by the AI assistant in the widget, with the sources it cited. */
export default class WidgetAiAnswer extends BaseModel {
  static table = 'widget_ai_answers'

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare sessionId: string

  @column()
  declare messageId: string

  @column({ prepare: (value: AnswerSource[]) => JSON.stringify(value) })
  declare sources: AnswerSource[]

  @column()
  declare answered: boolean

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
