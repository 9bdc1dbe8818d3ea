import type { QueryClientContract } from '@adonisjs/lucid/types/database'

export async function tagIdsOf(client: QueryClientContract, ticketId: string): Promise<string[]> {
  const rows = await client.from('ticket_tags').where('ticket_id', ticketId).select('tag_id')
  return rows.map((row: { tag_id: string }) => row.tag_id)
}
