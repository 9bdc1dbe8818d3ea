import type { HttpContext } from '@adonisjs/core/http'
import env from '#start/env'
import ChannelsPolicy from '#channels/policies/channels_policy'
import Widget from '#channels/models/widget'
import SaveWidget from '#channels/actions/save_widget'
import { widgetSettingsValidator } from '#channels/validators/widget'
import { wantsJson, workspaceContext } from '#channels/controllers/context'
import { currentConsentTexts } from '#governance/index'

function widgetDto(widget: Widget) {
  return { id: widget.id, name: widget.name, color: widget.color, greeting: widget.greeting, allowedOrigins: widget.allowedOrigins, aiEnabled: widget.aiEnabled, consentPurposes: widget.consentPurposeKeys }
}

export function snippetFor(widgetId: string) {
  return `<script src="${env.get('APP_URL')}/widget/loader.js" data-widget="${widgetId}" async></script>`
}

/** The embed widget's settings (owners and admins) and its one-line snippet. */
export default class WidgetSettingsController {
  async show(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(ChannelsPolicy).authorize('manage', membership)
    const widget = await Widget.query().where('workspace_id', workspace.id).first()
    const purposes = (await currentConsentTexts(workspace.id)).map((text) => ({ key: text.key, name: text.name, version: text.version, text: text.text }))
    const props = { widget: widget ? widgetDto(widget) : null, snippet: widget ? snippetFor(widget.id) : null, consentPurposes: purposes }
    if (wantsJson(ctx)) return props
    return ctx.inertia.render('channels/widget', props)
  }

  async save(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(ChannelsPolicy).authorize('manage', membership)
    const input = await ctx.request.validateUsing(widgetSettingsValidator)
    const { widget, secret } = await new SaveWidget().handle(workspace.id, { ...input, aiEnabled: input.aiEnabled ?? false })
    if (wantsJson(ctx)) return ctx.response.status(secret ? 201 : 200).send({ widget: widgetDto(widget), snippet: snippetFor(widget.id), identitySecret: secret })
    ctx.session.flash(
      'success',
      secret
        ? `Widget created. Identity secret, shown only now — keep it on your server to sign user hashes: ${secret}`
        : 'Widget settings saved.'
    )
    return ctx.response.redirect().back()
  }
}
