import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type ConsentDecision = 'grant' | 'withdraw' | 'refuse'
export type ConsentSubjectType = 'contact' | 'visitor'

/** One grant, withdrawal or refusal: append-only (a trigger refuses updates and deletes). */
export default class ConsentEvent extends BaseModel {
  @column({ isPrimary: true, consume: (value) => Number(value) })
  declare id: number

  @column()
  declare workspaceId: string

  @column()
  declare subjectType: ConsentSubjectType

  @column()
  declare subjectId: string

  @column()
  declare purposeId: string

  @column()
  declare purposeVersionId: string | null

  @column()
  declare decision: ConsentDecision

  @column()
  declare textHash: string | null

  @column()
  declare channel: string

  /** The request carried the Global Privacy Control signal. */
  @column()
  declare gpc: boolean

  @column()
  declare ipHash: string | null

  @column.dateTime()
  declare occurredAt: DateTime
}
