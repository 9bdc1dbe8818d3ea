import db from '@adonisjs/lucid/services/db'
import { broadcastInboxEvent } from '#helpdesk/services/realtime'

/** Snoozed tickets whose wake time has come are open again (a job runs this every minute). */
export default class WakeSnoozedTickets {
  async handle(now = new Date()) {
    const woken: { id: string; workspace_id: string; number: number; version: number; contact_id: string }[] = await db.transaction(async (trx) => {
      const rows = await trx
        .from('tickets')
        .where('status', 'snoozed')
        .where('snoozed_until', '<=', now)
        .update({ status: 'open', snoozed_until: null, version: trx.knexRawQuery('version + 1'), updated_at: now }, [
          'id',
          'workspace_id',
          'number',
          'version',
          'contact_id',
        ])
      if (rows.length > 0) {
        await trx.table('helpdesk_activities').multiInsert(
          rows.map((row: { id: string; workspace_id: string; contact_id: string }) => ({
            workspace_id: row.workspace_id,
            actor_user_id: null,
            action: 'ticket.woke_up',
            ticket_id: row.id,
            contact_id: row.contact_id,
            details: JSON.stringify({ from: 'snoozed', to: 'open' }),
            created_at: now,
          }))
        )
      }
      return rows
    })
    for (const row of woken) {
      broadcastInboxEvent(row.workspace_id, { type: 'ticket.updated', ticketId: row.id, number: row.number, version: row.version })
    }
    return woken.length
  }
}
