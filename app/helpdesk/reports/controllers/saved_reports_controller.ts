import type { HttpContext } from '@adonisjs/core/http'
import ReportPolicy from '#helpdesk/reports/policies/report_policy'
import SavedReport from '#helpdesk/reports/models/saved_report'
import SaveReport from '#helpdesk/reports/actions/save_report'
import { saveReportValidator } from '#helpdesk/reports/validators/report_filters'
import { resolveReportFilters } from '#helpdesk/reports/services/report_filters'

/** A user's saved reports: save the current filters under a name, delete one. */
export default class SavedReportsController {
  async store({ request, response, workspace, membership, auth, bouncer, session }: HttpContext) {
    await bouncer.with(ReportPolicy).authorize('view', membership)
    const { name, ...input } = await request.validateUsing(saveReportValidator, { meta: { workspaceId: workspace!.id } })
    const filters = resolveReportFilters(input, workspace!.timezone)
    const report = await new SaveReport().handle({ workspaceId: workspace!.id, userId: auth.user!.id, name, filters })
    session.flash('success', `Saved the report "${report.name}".`)
    return response.redirect().toPath(`/w/${workspace!.slug}/reports?report=${report.id}`)
  }

  async destroy({ params, response, workspace, membership, auth, bouncer, session }: HttpContext) {
    await bouncer.with(ReportPolicy).authorize('view', membership)
    const report = await SavedReport.findOwnedOrFail(workspace!, auth.user!.id, params.id)
    await report.delete()
    session.flash('success', `Deleted the saved report "${report.name}".`)
    return response.redirect().toPath(`/w/${workspace!.slug}/reports`)
  }
}
