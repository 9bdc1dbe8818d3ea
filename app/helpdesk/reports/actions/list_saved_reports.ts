import SavedReport from '#helpdesk/reports/models/saved_report'

/** The user's saved reports in the workspace, by name. */
export default class ListSavedReports {
  async handle(workspaceId: string, userId: string) {
    const reports = await SavedReport.query()
      .withScopes((scopes) => scopes.forWorkspace({ id: workspaceId }))
      .where('user_id', userId)
      .orderBy('created_at', 'desc')
      .limit(100)
    return reports
      .map((report) => ({ id: report.id, name: report.name ?? '(unreadable)', filters: report.filters }))
      .sort((a, b) => a.name.localeCompare(b.name))
  }
}
