import type { HttpContext } from '@adonisjs/core/http'
import ReportPolicy from '#helpdesk/reports/policies/report_policy'
import SavedReport from '#helpdesk/reports/models/saved_report'
import BuildReport from '#helpdesk/reports/actions/build_report'
import ListSavedReports from '#helpdesk/reports/actions/list_saved_reports'
import { reportFiltersValidator } from '#helpdesk/reports/validators/report_filters'
import { resolveReportFilters, MAX_RANGE_DAYS } from '#helpdesk/reports/services/report_filters'
import { reportCsv } from '#helpdesk/reports/services/report_csv'
import { channelLabel } from '#helpdesk/reports/services/report_labels'

/** The reports page (owners and admins) and its CSV export. */
export default class ReportsController {
  async show(ctx: HttpContext) {
    const { inertia, workspace, auth } = ctx
    const { filters, activeReportId } = await this.#filters(ctx)
    const { options, report } = await new BuildReport().handle(workspace!, filters)
    return inertia.render('helpdesk/reports/index', {
      filters,
      options,
      report,
      savedReports: await new ListSavedReports().handle(workspace!.id, auth.user!.id),
      activeReportId,
      timezone: workspace!.timezone,
      maxRangeDays: MAX_RANGE_DAYS,
    })
  }

  async exportCsv(ctx: HttpContext) {
    const { response, workspace } = ctx
    const { filters } = await this.#filters(ctx)
    const { options, report } = await new BuildReport().handle(workspace!, filters)
    const labelOf = (list: { value: string; label: string }[], id: string | null) => (id ? (list.find((item) => item.value === id)?.label ?? null) : null)
    const csv = reportCsv(filters, report, {
      channel: filters.channel ? channelLabel(filters.channel) : null,
      team: labelOf(options.teams, filters.teamId),
      agent: labelOf(options.agents, filters.agentId),
      tag: labelOf(options.tags, filters.tagId),
    })
    response.header('Content-Type', 'text/csv; charset=utf-8')
    response.header('Content-Disposition', `attachment; filename="report-${workspace!.slug}-${filters.from}-to-${filters.to}.csv"`)
    response.header('Cache-Control', 'no-store')
    return response.send(csv)
  }

  /** Filters from the query string, or from one of the user's saved reports (`?report=<id>`). */
  async #filters({ request, workspace, membership, auth, bouncer }: HttpContext) {
    await bouncer.with(ReportPolicy).authorize('view', membership)
    const input = await request.validateUsing(reportFiltersValidator, { meta: { workspaceId: workspace!.id } })
    if (input.report) {
      const saved = await SavedReport.findOwnedOrFail(workspace!, auth.user!.id, input.report)
      return { filters: resolveReportFilters(saved.filters, workspace!.timezone), activeReportId: saved.id }
    }
    return { filters: resolveReportFilters(input, workspace!.timezone), activeReportId: null }
  }
}
