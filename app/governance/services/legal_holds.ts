import LegalHold from '#governance/models/legal_hold'

export interface ActiveHolds {
  workspace: boolean
  contactIds: string[]
  ticketIds: string[]
}

/** The holds in force for a workspace, as retention and erasure need them. */
export async function activeHolds(workspaceId: string): Promise<ActiveHolds> {
  const rows = await LegalHold.query().where('workspace_id', workspaceId).whereNull('released_at').select('scope', 'target_id')
  return {
    workspace: rows.some((row) => row.scope === 'workspace'),
    contactIds: rows.filter((row) => row.scope === 'contact').map((row) => row.targetId!),
    ticketIds: rows.filter((row) => row.scope === 'ticket').map((row) => row.targetId!),
  }
}
