import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { workspaceScope } from '#core/tenancy'

/**
 * A help-center article: `title`/`body` are the draft being edited,
 * `published_*` the copy the public site shows (null until first published).
 */
export default class HelpCenterArticle extends BaseModel {
  static forWorkspace = workspaceScope<typeof HelpCenterArticle>()

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare categoryId: string | null

  @column()
  declare slug: string

  @column()
  declare title: string

  @column()
  declare body: string

  @column()
  declare publishedTitle: string | null

  @column()
  declare publishedBody: string | null

  @column()
  declare publishedHtml: string | null

  @column()
  declare publishedText: string | null

  @column()
  declare publishedVersion: number

  @column.dateTime()
  declare publishedAt: DateTime | null

  @column()
  declare knowledgeSourceId: string | null

  @column()
  declare helpfulCount: number

  @column()
  declare notHelpfulCount: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  get isPublished() {
    return this.publishedAt !== null
  }

  /** The draft differs from what the public sees. */
  get hasUnpublishedChanges() {
    return !this.isPublished || this.title !== this.publishedTitle || this.body !== this.publishedBody
  }
}
