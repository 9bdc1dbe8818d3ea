import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** One publication of an article, kept so earlier wording can be shown or restored. */
export default class HelpCenterArticleVersion extends BaseModel {
  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare articleId: string

  @column()
  declare version: number

  @column()
  declare title: string

  @column()
  declare body: string

  @column.dateTime()
  declare publishedAt: DateTime
}
