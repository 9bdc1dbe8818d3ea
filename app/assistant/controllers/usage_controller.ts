import type { HttpContext } from '@adonisjs/core/http'
import AssistantPolicy from '#assistant/policies/assistant_policy'
import BuildUsageReport from '#assistant/actions/build_usage_report'
import { workspaceContext } from '#assistant/controllers/context'

/** AI token usage per day and feature, against the monthly limit. */
export default class UsageController {
  async show(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(AssistantPolicy).authorize('manage', membership)
    const report = await new BuildUsageReport().handle(workspace.id, 30)
    if (ctx.request.accepts(['html', 'json']) === 'json' && !ctx.request.header('x-inertia')) return report
    return ctx.inertia.render('assistant/usage', report)
  }
}
