import type { HttpContext } from '@adonisjs/core/http'
import HelpdeskPolicy from '#helpdesk/policies/helpdesk_policy'
import Tag from '#helpdesk/models/tag'
import Team from '#helpdesk/models/team'
import CustomField from '#helpdesk/models/custom_field'
import CannedReply from '#helpdesk/models/canned_reply'
import { TAG_COLORS } from '#helpdesk/models/tag'
import { CUSTOM_FIELD_TYPES } from '#helpdesk/models/custom_field'
import { DEFAULT_CSAT_QUESTION } from '#helpdesk/models/helpdesk_settings'
import UpdateHelpdeskSettings, { settingsOf } from '#helpdesk/actions/update_helpdesk_settings'
import { csatSettingsValidator } from '#helpdesk/validators/helpdesk'
import { cannedReplyDto, customFieldDto, tagDto, teamDto } from '#helpdesk/presenters/settings'
import { PLACEHOLDERS } from '#helpdesk/services/placeholders'
import { wantsJson, workspaceContext } from '#helpdesk/controllers/context'

/** Helpdesk settings (owners and admins): tags, teams, custom fields, canned replies, CSAT. */
export default class SettingsController {
  async show(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(HelpdeskPolicy).authorize('manage', membership)
    const tags = await Tag.query().where('workspace_id', workspace.id).orderBy('name')
    const teams = await Team.query().where('workspace_id', workspace.id).orderBy('name')
    const fields = await CustomField.query().where('workspace_id', workspace.id).orderBy('position')
    const replies = await CannedReply.query().where('workspace_id', workspace.id).orderBy('title')
    const settings = await settingsOf(workspace.id)
    return ctx.inertia.render('helpdesk/settings', {
      tags: tags.map(tagDto),
      teams: teams.map(teamDto),
      customFields: fields.map(customFieldDto),
      cannedReplies: replies.map(cannedReplyDto),
      csat: { enabled: settings.csatEnabled, question: settings.csatQuestion ?? '', linkDays: settings.csatLinkDays, defaultQuestion: DEFAULT_CSAT_QUESTION },
      tagColors: [...TAG_COLORS],
      fieldTypes: [...CUSTOM_FIELD_TYPES],
      placeholders: [...PLACEHOLDERS],
    })
  }

  async updateCsat(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(HelpdeskPolicy).authorize('manage', membership)
    const input = await ctx.request.validateUsing(csatSettingsValidator)
    const settings = await new UpdateHelpdeskSettings().handle(workspace.id, input)
    if (wantsJson(ctx)) return { csatEnabled: settings.csatEnabled }
    ctx.session.flash('success', settings.csatEnabled ? 'Satisfaction surveys are on.' : 'Satisfaction surveys are off.')
    return ctx.response.redirect().back()
  }
}
