import type { HttpContext } from '@adonisjs/core/http'
import ChannelsPolicy from '#channels/policies/channels_policy'
import HelpCenterDomain from '#channels/models/help_center_domain'
import SaveHelpCenterDomain from '#channels/actions/save_help_center_domain'
import VerifyHelpCenterDomain from '#channels/actions/verify_help_center_domain'
import RemoveHelpCenterDomain from '#channels/actions/remove_help_center_domain'
import { dnsInstructions } from '#channels/services/custom_domains'
import { helpCenterDomainValidator } from '#channels/validators/help_center'
import { wantsJson, workspaceContext } from '#channels/controllers/context'

export function helpCenterDomainDto(record: HelpCenterDomain | null) {
  if (!record) return null
  return { domain: record.domain, verified: Boolean(record.verifiedAt), verifiedAt: record.verifiedAt?.toISO() ?? null, lastCheckedAt: record.lastCheckedAt?.toISO() ?? null, records: dnsInstructions(record.domain, record.verificationToken) }
}

/** The help center's custom domain (owners and admins): set, verify by DNS TXT record, remove. */
export default class HelpCenterDomainController {
  async save(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(ChannelsPolicy).authorize('manage', membership)
    const { domain } = await ctx.request.validateUsing(helpCenterDomainValidator)
    const record = await new SaveHelpCenterDomain().handle(workspace.id, domain)
    return this.#done(ctx, { domain: helpCenterDomainDto(record) }, 'Domain saved. Create the two DNS records below, then verify.')
  }

  async verify(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(ChannelsPolicy).authorize('manage', membership)
    const record = await new VerifyHelpCenterDomain().handle(workspace.id)
    return this.#done(ctx, { domain: helpCenterDomainDto(record) }, `Verified: the help center is now served at https://${record.domain}.`)
  }

  async destroy(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(ChannelsPolicy).authorize('manage', membership)
    await new RemoveHelpCenterDomain().handle(workspace.id)
    return this.#done(ctx, { domain: null }, 'Custom domain removed.')
  }

  #done(ctx: HttpContext, json: object, message: string) {
    if (wantsJson(ctx)) return json
    ctx.session.flash('success', message)
    return ctx.response.redirect().back()
  }
}
