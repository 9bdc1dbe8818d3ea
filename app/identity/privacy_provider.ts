/**
 * Identity's side of platform-level data-subject requests (a workspace user
 * asking the platform, app/core/subject_data.ts): finds the user by email,
 * exports the account's exported columns (catalog) and erases by the
 * declared strategy: credentials and one-time tokens deleted, memberships
 * deleted, the account row anonymized so records that name it stay whole.
 */
import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { ErasureOutcome, SubjectDataProvider, SubjectRecords } from '#core/subject_data'
import { registerErasureGuard, registerSubjectDataProvider } from '#core/subject_data'
import type { TableDeclaration } from '#core/personal_data'
import { identityPersonalData } from '#identity/personal_data'

function declarationOf(table: string): TableDeclaration {
  return identityPersonalData.tables.find((candidate) => candidate.table === table)!
}

function exportedColumns(table: string) {
  return Object.entries(declarationOf(table).columns)
    .filter(([, column]) => column.personal && column.exported)
    .map(([name]) => name)
}

function plain(row: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]))
}

/** Rows changed by an update/delete (a count on PostgreSQL; Lucid types it loosely). */
const affected = (result: unknown) => (Array.isArray(result) ? result.length : Number(result))

/** Tables holding a user's rows by `user_id`, erased (deleted) before the account is anonymized. */
const USER_TABLES = ['user_tokens', 'recovery_codes', 'memberships'] as const

export const identitySubjectDataProvider: SubjectDataProvider = {
  module: 'identity',

  async resolve(subject) {
    if (subject.workspaceId) return {}
    const ids = new Set(subject.ids.workspace_user ?? [])
    for (const email of subject.emails) {
      const user = await db.from('users').whereRaw('lower(email) = ?', [email.trim().toLowerCase()]).select('id').first()
      if (user) ids.add(user.id)
    }
    return { workspace_user: [...ids] }
  },

  async collect(subject) {
    const userIds = subject.ids.workspace_user ?? []
    if (subject.workspaceId || userIds.length === 0) return []
    const records: SubjectRecords[] = []
    const users = await db.from('users').whereIn('id', userIds).select(exportedColumns('users'))
    if (users.length) records.push({ module: 'identity', table: 'users', category: 'identity', rows: users.map(plain) })
    const memberships = await db.from('memberships').whereIn('user_id', userIds).select(exportedColumns('memberships'))
    if (memberships.length) records.push({ module: 'identity', table: 'memberships', category: 'account', rows: memberships.map(plain) })
    for (const table of ['user_tokens', 'recovery_codes']) {
      const [{ total }] = await db.from(table).whereIn('user_id', userIds).count('* as total')
      if (Number(total)) records.push({ module: 'identity', table, category: 'security', rows: [], heldRows: Number(total) })
    }
    return records
  },

  async erase(subject) {
    const userIds = subject.ids.workspace_user ?? []
    if (subject.workspaceId || userIds.length === 0) return []
    const outcomes: ErasureOutcome[] = []
    for (const table of USER_TABLES) {
      const rows = affected(await db.from(table).whereIn('user_id', userIds).delete())
      if (rows) outcomes.push({ module: 'identity', table, category: table === 'memberships' ? 'account' : 'security', action: 'deleted', rows })
    }
    const sessions = affected(await db.from('sessions').whereIn('user_id', userIds).delete())
    if (sessions) outcomes.push({ module: 'platform', table: 'sessions', category: 'security', action: 'deleted', rows: sessions })
    for (const userId of userIds) {
      await db
        .from('users')
        .where('id', userId)
        .update({
          email: `erased-${userId}@erased.invalid`,
          full_name: 'Erased user',
          password: `!erased:${randomBytes(24).toString('base64url')}`,
          email_verified_at: null,
          totp_secret: null,
          totp_enabled_at: null,
          updated_at: DateTime.now().toJSDate(),
        })
    }
    outcomes.push({ module: 'identity', table: 'users', category: 'identity', action: 'anonymized', rows: userIds.length })
    const created = declarationOf('users').columns.created_at
    if (created.personal && created.erasure === 'retain_legal_basis') {
      outcomes.push({ module: 'identity', table: 'users', category: 'account', action: 'retained', rows: userIds.length, legalBasis: `${created.legalBasis}: account creation date kept as a record of the contract` })
    }
    return outcomes
  },
}

registerSubjectDataProvider(identitySubjectDataProvider)

/** A workspace must keep an owner: the last owner transfers ownership (or closes the workspace) before erasure. */
registerErasureGuard('last_owner', async (subject) => {
  const userIds = subject.ids.workspace_user ?? []
  if (subject.workspaceId || userIds.length === 0) return null
  const orphaned = await db
    .from('memberships as mine')
    .join('workspaces', 'workspaces.id', 'mine.workspace_id')
    .whereIn('mine.user_id', userIds)
    .where('mine.role', 'owner')
    .whereNotExists((other) => other.from('memberships as others').whereRaw('others.workspace_id = mine.workspace_id').where('others.role', 'owner').whereNotIn('others.user_id', userIds))
    .select('workspaces.name')
  if (orphaned.length === 0) return null
  const names = orphaned.map((row: { name: string }) => row.name).join(', ')
  return `The account is the only owner of ${names}: make another member owner (or close the workspace) before erasing it.`
})
