/**
 * Throwaway models and tables for the vault tests: a contact (sealed with
 * its own subject key), a message (sealed with its contact's key) and an
 * integration (sealed with the workspace DEK). Tables are created inside
 * each test's global transaction, so they vanish with it.
 */
import { randomUUID } from 'node:crypto'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { blindIndex, encrypted, withEncryption } from '#vault/index'

export class ProbeContact extends compose(BaseModel, withEncryption({ subject: { type: 'contact', attribute: 'id' } })) {
  static table = 'vault_probe_contacts'

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @encrypted.string()
  declare email: string | null

  @blindIndex('email', 'email')
  declare emailIndex: string | null

  @encrypted.string()
  declare phone: string | null

  @blindIndex('phone', 'phone')
  declare phoneIndex: string | null

  @encrypted.json()
  declare profile: { name: string; tags: string[] } | null

  @column()
  declare plan: string | null

  @hasMany(() => ProbeMessage, { foreignKey: 'contactId' })
  declare messages: HasMany<typeof ProbeMessage>
}

export class ProbeMessage extends compose(BaseModel, withEncryption({ subject: { type: 'contact', attribute: 'contactId' } })) {
  static table = 'vault_probe_messages'

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @column()
  declare contactId: string | null

  @encrypted.string()
  declare body: string | null
}

export class ProbeIntegration extends compose(BaseModel, withEncryption()) {
  static table = 'vault_probe_integrations'

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  @encrypted.secret()
  declare apiToken: string | null

  @encrypted.json()
  declare settings: Record<string, unknown> | null
}

export async function createProbeTables(client: QueryClientContract = db.connection()) {
  await client.rawQuery(`
    CREATE TABLE IF NOT EXISTS vault_probe_contacts (
      id uuid PRIMARY KEY, workspace_id uuid NOT NULL, email text, email_index varchar(32),
      phone text, phone_index varchar(32), profile text, plan text);
    CREATE INDEX IF NOT EXISTS vault_probe_contacts_email ON vault_probe_contacts (workspace_id, email_index);
    CREATE TABLE IF NOT EXISTS vault_probe_messages (id uuid PRIMARY KEY, workspace_id uuid NOT NULL, contact_id uuid, body text);
    CREATE TABLE IF NOT EXISTS vault_probe_integrations (id uuid PRIMARY KEY, workspace_id uuid NOT NULL, api_token text, settings text);
  `)
}

export async function dropProbeTables(client: QueryClientContract = db.connection()) {
  await client.rawQuery('DROP TABLE IF EXISTS vault_probe_contacts, vault_probe_messages, vault_probe_integrations')
}

export function newWorkspaceId() {
  return randomUUID()
}

/** The raw column value as stored. */
export async function storedValue(table: string, column: string, id: string) {
  const row = await db.from(table).where('id', id).select(column).firstOrFail()
  return row[column] as string | null
}
