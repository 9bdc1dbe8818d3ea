import ComputeReport from '#helpdesk/reports/actions/compute_report'
import { reportDto } from '#helpdesk/reports/presenters/report_presenter'
import { reportOptions } from '#helpdesk/reports/services/report_labels'
import type { ReportFilters } from '#helpdesk/reports/services/report_filters'

/** Figures, names and filter options of one report: shared by the page and the CSV export. */
export default class BuildReport {
  async handle(workspace: { id: string; timezone: string }, filters: ReportFilters) {
    const options = await reportOptions(workspace.id)
    const figures = await new ComputeReport(workspace.timezone).handle(workspace.id, filters)
    return { options, report: await reportDto(workspace.id, figures, options) }
  }
}
