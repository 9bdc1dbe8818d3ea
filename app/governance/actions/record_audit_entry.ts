import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { HttpContext } from '@adonisjs/core/http'
import AuditEntry from '#governance/models/audit_entry'
import { entryHash, GENESIS_HASH } from '#governance/services/audit_chain'
import { keyedHash } from '#core/keyed_hash'
import type { AuditEvent } from '#core/audit'

/**
 * Appends an entry to its workspace's chain (or the platform chain). An
 * advisory lock per chain serialises writers so sequence and prev_hash
 * never fork. Actor and IP come from the current request when not given.
 */
export default class RecordAuditEntry {
  async handle(event: AuditEvent) {
    const ctx = HttpContext.get()
    const actor = event.actor ?? (ctx?.auth?.user ? { type: 'user' as const, id: ctx.auth.user.id as string } : { type: 'system' as const, id: null })
    const ip = ctx?.request.ip()
    const chainKey = `audit:${event.workspaceId ?? 'platform'}`

    return db.transaction(async (trx) => {
      await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtext(?))', [chainKey])
      const last = await AuditEntry.query({ client: trx })
        .if(event.workspaceId, (query) => query.where('workspace_id', event.workspaceId!), (query) => query.whereNull('workspace_id'))
        .orderBy('sequence', 'desc')
        .first()
      const fields = {
        workspaceId: event.workspaceId,
        sequence: (last?.sequence ?? 0) + 1,
        actorType: actor.type,
        actorId: actor.id,
        action: event.action,
        targetType: event.targetType ?? null,
        targetId: event.targetId ?? null,
        metadata: event.metadata ?? {},
        ipHash: ip ? keyedHash('audit_ip', ip).slice(0, 43) : null,
        occurredAt: DateTime.utc().toISO()!,
        prevHash: last?.hash ?? GENESIS_HASH,
      }
      return AuditEntry.create(
        { ...fields, occurredAt: DateTime.fromISO(fields.occurredAt), hash: entryHash(fields) },
        { client: trx }
      )
    })
  }
}
