import { DateTime } from 'luxon'
import Workspace from '#identity/models/workspace'

/**
 * Marks a workspace closed (members are locked out; the owner may restore it)
 * or open again. Governance owns the closure record and its restore window;
 * identity only keeps the flag the workspace middleware checks.
 */
export default class SetWorkspaceClosed {
  async handle(workspaceId: string, closed: boolean) {
    await Workspace.query().where('id', workspaceId).update({ closed_at: closed ? DateTime.now().toSQL() : null, updated_at: DateTime.now().toSQL() })
  }
}
