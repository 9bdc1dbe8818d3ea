import db from '@adonisjs/lucid/services/db'
import { appendAnchor, type ChainHead } from '#governance/services/audit_anchors'

/** Records every audit chain's current head in the anchor file (hourly job; `VerifyAuditChain` checks against it). */
export default class AnchorAuditChains {
  async handle(at = new Date()): Promise<ChainHead[]> {
    const result = await db.rawQuery(
      `SELECT DISTINCT ON (workspace_id) workspace_id, sequence, hash, occurred_at
         FROM audit_entries ORDER BY workspace_id, sequence DESC`
    )
    const heads = (result.rows as { workspace_id: string | null; sequence: string | number; hash: string; occurred_at: Date }[]).map((row) => ({
      workspaceId: row.workspace_id,
      sequence: Number(row.sequence),
      hash: row.hash,
      occurredAt: new Date(row.occurred_at).toISOString(),
    }))
    if (heads.length) await appendAnchor(heads, at)
    return heads
  }
}
