import { UserFacingError } from '#core/errors'
import SavedReport from '#helpdesk/reports/models/saved_report'
import { storableFilters, type ReportFilters } from '#helpdesk/reports/services/report_filters'

export const MAX_SAVED_REPORTS_PER_USER = 50

/** Saves the current filters under a name, for this user only. */
export default class SaveReport {
  async handle(input: { workspaceId: string; userId: string; name: string; filters: ReportFilters }) {
    const [{ $extras }] = await SavedReport.query()
      .withScopes((scopes) => scopes.forWorkspace({ id: input.workspaceId }))
      .where('user_id', input.userId)
      .count('* as total')
    if (Number($extras.total) >= MAX_SAVED_REPORTS_PER_USER) {
      throw new UserFacingError(`You have ${MAX_SAVED_REPORTS_PER_USER} saved reports already. Delete one to save another.`, 'name')
    }
    return SavedReport.create({
      workspaceId: input.workspaceId,
      userId: input.userId,
      name: input.name,
      filters: storableFilters(input.filters),
    })
  }
}
