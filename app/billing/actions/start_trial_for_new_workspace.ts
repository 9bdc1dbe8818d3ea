import logger from '@adonisjs/core/services/logger'
import { HttpContext } from '@adonisjs/core/http'
import { User } from '#identity/index'
import StartTrial from '#billing/actions/start_trial'

/**
 * Listener of identity's `workspace:created`: starts the trial with the
 * owner's email and the request's IP. A failure here is logged and never
 * undoes the workspace (the billing page opens the account later).
 */
export default class StartTrialForNewWorkspace {
  async handle(event: { workspaceId: string; ownerId: string }) {
    try {
      const owner = await User.findOrFail(event.ownerId)
      await new StartTrial().handle({ workspaceId: event.workspaceId, ownerEmail: owner.email, ip: HttpContext.get()?.request.ip() ?? null })
    } catch (error) {
      logger.error({ workspaceId: event.workspaceId, err: error }, 'billing: could not start the trial of a new workspace')
    }
  }
}
