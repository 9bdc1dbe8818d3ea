/**
 * The helpdesk's retention targets (rules owned by governance): closing
 * inactive tickets, deleting resolved tickets with everything derived from
 * them (messages, attachments and their files, search tokens, tags, CSAT,
 * analytics events, activity), and contacts left with no ticket (whose keys
 * are then destroyed). Batches are selected by id with a LIMIT so each
 * statement is short and inbox writes are never blocked for long.
 */
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import { registerRetentionTarget, type RetentionScope } from '#core/retention_targets'
import { DestroySubjectKey } from '#vault/index'
import { deleteSealedFile } from '#helpdesk/services/attachment_store'

const ANY_UUID = '{}'

function notHeld(scope: RetentionScope, alias = 't') {
  return {
    sql: `NOT (${alias}.id = ANY(?::uuid[])) AND NOT (${alias}.contact_id = ANY(?::uuid[]))`,
    bindings: [pgArray(scope.heldTicketIds), pgArray(scope.heldContactIds)],
  }
}

function pgArray(ids: string[]) {
  return ids.length ? `{${ids.join(',')}}` : ANY_UUID
}

const inactive = (scope: RetentionScope) => {
  const held = notHeld(scope)
  return {
    sql: `t.workspace_id = ? AND t.status IN ('open', 'pending') AND t.last_message_at < ? AND ${held.sql}`,
    bindings: [scope.workspaceId, scope.cutoff, ...held.bindings],
  }
}

const resolved = (scope: RetentionScope) => {
  const held = notHeld(scope)
  return {
    sql: `t.workspace_id = ? AND t.status IN ('resolved', 'closed') AND COALESCE(t.closed_at, t.resolved_at, t.last_message_at) < ? AND ${held.sql}`,
    bindings: [scope.workspaceId, scope.cutoff, ...held.bindings],
  }
}

/**
 * Contacts inactive since the cutoff with no ticket left. The preview counts
 * them as the run will find them (after their expired tickets are gone);
 * the run itself deletes only contacts with no ticket at all, so a contact
 * is never removed through a cascade that would skip a ticket's derived data.
 */
const orphanContacts = (scope: RetentionScope, mode: 'predict' | 'now') => {
  const remaining = resolved(scope)
  const survives = mode === 'predict' ? `AND NOT (${remaining.sql})` : ''
  return {
    sql: `c.workspace_id = ? AND c.updated_at < ? AND NOT (c.id = ANY(?::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.workspace_id = c.workspace_id AND t.contact_id = c.id ${survives})`,
    bindings: [scope.workspaceId, scope.cutoff, pgArray(scope.heldContactIds), ...(mode === 'predict' ? remaining.bindings : [])],
  }
}

async function countWhere(table: string, alias: string, where: { sql: string; bindings: unknown[] }) {
  const result = await db.rawQuery(`SELECT count(*)::int AS n FROM ${table} ${alias} WHERE ${where.sql}`, where.bindings as any[])
  return Number(result.rows[0].n)
}

registerRetentionTarget({
  key: 'helpdesk.inactive_tickets',
  rule: 'inactive_tickets',
  noun: 'tickets',
  action: 'close',
  count: (scope) => countWhere('tickets', 't', inactive(scope)),
  async processBatch(trx, scope, limit) {
    const where = inactive(scope)
    const result = await trx.rawQuery(
      `WITH batch AS (SELECT t.id FROM tickets t WHERE ${where.sql} ORDER BY t.last_message_at LIMIT ? FOR UPDATE SKIP LOCKED)
       UPDATE tickets SET status = 'closed', closed_at = now(), updated_at = now(), version = version + 1
       FROM batch WHERE tickets.id = batch.id RETURNING tickets.id, tickets.contact_id`,
      [...(where.bindings as any[]), limit]
    )
    const rows = result.rows as { id: string; contact_id: string }[]
    if (rows.length) {
      await trx.table('helpdesk_activities').multiInsert(
        rows.map((row) => ({
          workspace_id: scope.workspaceId,
          actor_user_id: null,
          action: 'ticket.auto_closed',
          ticket_id: row.id,
          contact_id: row.contact_id,
          details: JSON.stringify({ reason: 'retention_inactive' }),
          created_at: new Date(),
        }))
      )
    }
    return { processed: rows.length }
  },
})

registerRetentionTarget({
  key: 'helpdesk.resolved_tickets',
  rule: 'resolved_tickets',
  noun: 'tickets',
  action: 'delete',
  count: (scope) => countWhere('tickets', 't', resolved(scope)),
  async processBatch(trx, scope, limit) {
    const where = resolved(scope)
    const batch = await trx.rawQuery(`SELECT t.id FROM tickets t WHERE ${where.sql} LIMIT ? FOR UPDATE SKIP LOCKED`, [...(where.bindings as any[]), limit])
    const ids = (batch.rows as { id: string }[]).map((row) => row.id)
    if (!ids.length) return { processed: 0 }
    const files = await trx.from('ticket_attachments').where('workspace_id', scope.workspaceId).whereIn('ticket_id', ids).select('storage_key')
    // Derived rows without a foreign key go explicitly; the rest follow the tickets by ON DELETE CASCADE.
    await trx.from('analytics_events').where('workspace_id', scope.workspaceId).whereIn('ticket_id', ids).delete()
    await trx.from('helpdesk_activities').where('workspace_id', scope.workspaceId).whereIn('ticket_id', ids).delete()
    await trx.from('tickets').where('workspace_id', scope.workspaceId).whereIn('id', ids).delete()
    const keys = files.map((file: { storage_key: string }) => file.storage_key as string)
    return {
      processed: ids.length,
      afterCommit: async () => {
        for (const key of keys) await deleteSealedFile(key)
      },
    }
  },
})

registerRetentionTarget({
  key: 'helpdesk.orphan_contacts',
  rule: 'resolved_tickets',
  noun: 'contacts',
  action: 'delete',
  count: (scope) => countWhere('contacts', 'c', orphanContacts(scope, 'predict')),
  async processBatch(trx: TransactionClientContract, scope, limit) {
    const where = orphanContacts(scope, 'now')
    const batch = await trx.rawQuery(`SELECT c.id FROM contacts c WHERE ${where.sql} LIMIT ? FOR UPDATE SKIP LOCKED`, [...(where.bindings as any[]), limit])
    const ids = (batch.rows as { id: string }[]).map((row) => row.id)
    if (!ids.length) return { processed: 0 }
    await trx.from('analytics_events').where('workspace_id', scope.workspaceId).whereIn('contact_id', ids).delete()
    await trx.from('helpdesk_activities').where('workspace_id', scope.workspaceId).whereIn('contact_id', ids).delete()
    await trx.from('contacts').where('workspace_id', scope.workspaceId).whereIn('id', ids).delete()
    return {
      processed: ids.length,
      // Whatever of the contacts survives in backups becomes unreadable.
      afterCommit: async () => {
        for (const contactId of ids) {
          await new DestroySubjectKey().handle({ scope: scope.workspaceId, subject: { type: 'contact', id: contactId }, reason: 'retention' })
        }
      },
    }
  },
})
