import HelpdeskSettings from '#helpdesk/models/helpdesk_settings'

export interface HelpdeskSettingsInput {
  csatEnabled: boolean
  csatQuestion?: string | null
  csatLinkDays?: number
}

/** The workspace's helpdesk settings, created with defaults on first use. */
export async function settingsOf(workspaceId: string) {
  return (await HelpdeskSettings.find(workspaceId)) ?? new HelpdeskSettings().merge({ workspaceId, lastTicketNumber: 0, csatEnabled: true, csatQuestion: null, csatLinkDays: 7 })
}

/** CSAT settings: on or off, the question asked, how long links stay valid. */
export default class UpdateHelpdeskSettings {
  async handle(workspaceId: string, input: HelpdeskSettingsInput) {
    await HelpdeskSettings.updateOrCreate(
      { workspaceId },
      {
        csatEnabled: input.csatEnabled,
        csatQuestion: input.csatQuestion?.trim() || null,
        csatLinkDays: Math.min(30, Math.max(1, input.csatLinkDays ?? 7)),
      }
    )
    return settingsOf(workspaceId)
  }
}
