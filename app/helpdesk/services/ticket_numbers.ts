import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * The next ticket number of a workspace (#1, #2…). The counter row is
 * locked until the transaction ends, so concurrent tickets never share a
 * number, and a rolled-back ticket gives its number back.
 */
export async function nextTicketNumber(client: QueryClientContract, workspaceId: string): Promise<number> {
  const result = await client.rawQuery(
    `INSERT INTO helpdesk_settings (workspace_id, last_ticket_number, created_at, updated_at)
     VALUES (?, 1, now(), now())
     ON CONFLICT (workspace_id) DO UPDATE
       SET last_ticket_number = helpdesk_settings.last_ticket_number + 1, updated_at = now()
     RETURNING last_ticket_number`,
    [workspaceId]
  )
  return Number(result.rows[0].last_ticket_number)
}
