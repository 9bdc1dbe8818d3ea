import type { ReportFigures } from '#helpdesk/reports/actions/compute_report'
import type { ReportFilters } from '#helpdesk/reports/services/report_filters'
import { agentNames, type ReportOptions } from '#helpdesk/reports/services/report_labels'

/** The figures with names attached: what the page draws and the CSV lists. */
export async function reportDto(workspaceId: string, figures: ReportFigures, options: ReportOptions) {
  const nameOfAgent = await agentNames(workspaceId, figures.byAgent.map((row) => row.agentId), options)
  const tags = new Map(options.tags.map((tag) => [tag.value, tag]))
  return {
    summary: figures.summary,
    volume: figures.volume,
    csatDistribution: figures.csatDistribution,
    byAgent: figures.byAgent.map((row) => ({ ...row, name: nameOfAgent(row.agentId) })),
    byTag: figures.byTag.map((row) => ({
      ...row,
      name: tags.get(row.tagId)?.label ?? 'Deleted tag',
      color: tags.get(row.tagId)?.color ?? 'gray',
    })),
  }
}

export type ReportDto = Awaited<ReturnType<typeof reportDto>>

export function filtersDto(filters: ReportFilters) {
  return { ...filters }
}
