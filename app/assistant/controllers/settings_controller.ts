import type { HttpContext } from '@adonisjs/core/http'
import { SaveKnowledgeSettings, knowledgeSettingsDto, knowledgeSettingsOf } from '#knowledge/index'
import AssistantPolicy from '#assistant/policies/assistant_policy'
import SaveAssistantSettings from '#assistant/actions/save_assistant_settings'
import { MODEL_CHOICES } from '#assistant/models/assistant_settings'
import { assistantSettingsOf } from '#assistant/services/settings'
import { assistantSettingsValidator } from '#assistant/validators/assistant'
import { workspaceContext } from '#assistant/controllers/context'

/** AI settings: the Anthropic key (write-only), model, redaction, monthly token limit and the embeddings provider. */
export default class SettingsController {
  async show(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(AssistantPolicy).authorize('manage', membership)
    return ctx.inertia.render('assistant/settings', {
      settings: await assistantSettingsOf(workspace.id),
      knowledge: knowledgeSettingsDto(await knowledgeSettingsOf(workspace.id)),
      models: [...MODEL_CHOICES],
    })
  }

  async update(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(AssistantPolicy).authorize('manage', membership)
    const input = await ctx.request.validateUsing(assistantSettingsValidator)
    await new SaveAssistantSettings().handle(workspace.id, input)
    const { resynced } = await new SaveKnowledgeSettings().handle(workspace.id, input)
    const message = resynced ? `AI settings saved. ${resynced} sources are being embedded again with the new model.` : 'AI settings saved.'
    if (ctx.request.accepts(['html', 'json']) === 'json' && !ctx.request.header('x-inertia')) {
      return { message, settings: await assistantSettingsOf(workspace.id), knowledge: knowledgeSettingsDto(await knowledgeSettingsOf(workspace.id)) }
    }
    ctx.session.flash('success', message)
    return ctx.response.redirect(`/w/${workspace.slug}/ai/settings`)
  }
}
