import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A company the platform has process personal data (public registry). Not tenant data. */
export default class Subprocessor extends BaseModel {
  @column({ isPrimary: true })
  declare id: string

  @column()
  declare name: string

  @column()
  declare legalEntity: string

  @column()
  declare country: string

  @column()
  declare category: string

  @column()
  declare purpose: string

  @column()
  declare region: string

  @column()
  declare transferMechanism: string

  @column()
  declare processesWorkspaceData: boolean

  @column.dateTime()
  declare announcedAt: DateTime

  /** Takes effect after the notice period; owners may object until then. */
  @column.dateTime()
  declare effectiveAt: DateTime

  @column.dateTime()
  declare retiredAt: DateTime | null

  @column()
  declare createdByUserId: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  status(now = DateTime.now()): 'upcoming' | 'active' | 'retired' {
    if (this.retiredAt && this.retiredAt <= now) return 'retired'
    return this.effectiveAt > now ? 'upcoming' : 'active'
  }
}
