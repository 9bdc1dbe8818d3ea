import type { HttpContext } from '@adonisjs/core/http'
import HelpdeskPolicy from '#helpdesk/policies/helpdesk_policy'
import SaveTag from '#helpdesk/actions/save_tag'
import DeleteTag from '#helpdesk/actions/delete_tag'
import SaveTeam from '#helpdesk/actions/save_team'
import DeleteTeam from '#helpdesk/actions/delete_team'
import SaveCustomField from '#helpdesk/actions/save_custom_field'
import DeleteCustomField from '#helpdesk/actions/delete_custom_field'
import SaveCannedReply from '#helpdesk/actions/save_canned_reply'
import DeleteCannedReply from '#helpdesk/actions/delete_canned_reply'
import { cannedReplyValidator, customFieldValidator, tagValidator, teamValidator } from '#helpdesk/validators/helpdesk'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import Tag from '#helpdesk/models/tag'
import Team from '#helpdesk/models/team'
import CustomField from '#helpdesk/models/custom_field'
import CannedReply from '#helpdesk/models/canned_reply'
import { findInWorkspace } from '#helpdesk/services/records'
import { wantsJson, workspaceContext } from '#helpdesk/controllers/context'

/**
 * What admins define for the helpdesk: tags, teams, custom fields and
 * canned replies (create, edit, delete). Owners and admins only.
 */
export default class DefinitionsController {
  /** Another workspace's record is a 404 for every role, before the permission check. */
  async #authorize(ctx: HttpContext, model?: LucidModel, label?: string) {
    const context = workspaceContext(ctx)
    if (model && ctx.params.id !== undefined) await findInWorkspace(model, context.workspace.id, ctx.params.id, { label })
    await ctx.bouncer.with(HelpdeskPolicy).authorize('manage', context.membership)
    return context
  }

  #done(ctx: HttpContext, message: string, record: { id: string }, status = 200) {
    if (wantsJson(ctx)) return ctx.response.status(status).send({ id: record.id })
    ctx.session.flash('success', message)
    return ctx.response.redirect().back()
  }

  async saveTag(ctx: HttpContext) {
    const { workspace } = await this.#authorize(ctx, Tag, 'Tag')
    const input = await ctx.request.validateUsing(tagValidator)
    const tag = await new SaveTag().handle({ workspaceId: workspace.id, id: ctx.params.id, ...input })
    return this.#done(ctx, `Tag “${tag.name}” saved.`, tag, ctx.params.id ? 200 : 201)
  }

  async deleteTag(ctx: HttpContext) {
    const { workspace } = await this.#authorize(ctx, Tag, 'Tag')
    const tag = await new DeleteTag().handle(workspace.id, ctx.params.id)
    return this.#done(ctx, `Tag “${tag.name}” deleted.`, tag)
  }

  async saveTeam(ctx: HttpContext) {
    const { workspace } = await this.#authorize(ctx, Team, 'Team')
    const input = await ctx.request.validateUsing(teamValidator)
    const team = await new SaveTeam().handle({ workspaceId: workspace.id, id: ctx.params.id, ...input })
    return this.#done(ctx, `Team “${team.name}” saved.`, team, ctx.params.id ? 200 : 201)
  }

  async deleteTeam(ctx: HttpContext) {
    const { workspace } = await this.#authorize(ctx, Team, 'Team')
    const team = await new DeleteTeam().handle(workspace.id, ctx.params.id)
    return this.#done(ctx, `Team “${team.name}” deleted.`, team)
  }

  async saveCustomField(ctx: HttpContext) {
    const { workspace } = await this.#authorize(ctx, CustomField, 'Custom field')
    const input = await ctx.request.validateUsing(customFieldValidator)
    const field = await new SaveCustomField().handle({ workspaceId: workspace.id, id: ctx.params.id, ...input })
    return this.#done(ctx, `Field “${field.label}” saved.`, field, ctx.params.id ? 200 : 201)
  }

  async deleteCustomField(ctx: HttpContext) {
    const { workspace } = await this.#authorize(ctx, CustomField, 'Custom field')
    const field = await new DeleteCustomField().handle(workspace.id, ctx.params.id)
    return this.#done(ctx, `Field “${field.label}” deleted.`, field)
  }

  async saveCannedReply(ctx: HttpContext) {
    const { workspace, user } = await this.#authorize(ctx, CannedReply, 'Canned reply')
    const input = await ctx.request.validateUsing(cannedReplyValidator)
    const reply = await new SaveCannedReply().handle({ workspaceId: workspace.id, id: ctx.params.id, actorUserId: user.id, ...input })
    return this.#done(ctx, `Canned reply “${reply.title}” saved.`, reply, ctx.params.id ? 200 : 201)
  }

  async deleteCannedReply(ctx: HttpContext) {
    const { workspace } = await this.#authorize(ctx, CannedReply, 'Canned reply')
    const reply = await new DeleteCannedReply().handle(workspace.id, ctx.params.id)
    return this.#done(ctx, `Canned reply “${reply.title}” deleted.`, reply)
  }
}
