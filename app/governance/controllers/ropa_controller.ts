import type { HttpContext } from '@adonisjs/core/http'
import GovernancePolicy from '#governance/policies/governance_policy'
import BuildRopa, { ropaCsv } from '#governance/actions/build_ropa'
import { ropaHtml } from '#governance/presenters/ropa_html'
import { workspaceContext } from '#governance/controllers/context'

/** Records of processing (Art. 30), generated on each request from the catalog and registries. */
export default class RopaController {
  async show(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(GovernancePolicy).authorize('viewRopa', membership)
    return ctx.inertia.render('governance/ropa', { ropa: await new BuildRopa().handle(workspace.id) })
  }

  async csv(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(GovernancePolicy).authorize('viewRopa', membership)
    const csv = ropaCsv(await new BuildRopa().handle(workspace.id))
    ctx.response.header('content-type', 'text/csv; charset=utf-8')
    ctx.response.header('content-disposition', `attachment; filename="records-of-processing-${workspace.slug}.csv"`)
    return csv
  }

  async html(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(GovernancePolicy).authorize('viewRopa', membership)
    const html = ropaHtml(await new BuildRopa().handle(workspace.id), workspace.name, new Date().toISOString())
    ctx.response.header('content-type', 'text/html; charset=utf-8')
    ctx.response.header('content-disposition', `attachment; filename="records-of-processing-${workspace.slug}.html"`)
    return html
  }
}
