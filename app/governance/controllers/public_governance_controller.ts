import type { HttpContext } from '@adonisjs/core/http'
import Subprocessor from '#governance/models/subprocessor'
import ConsentPurpose from '#governance/models/consent_purpose'
import ConsentPurposeVersion from '#governance/models/consent_purpose_version'
import RecordConsent, { consentStateOf } from '#governance/actions/record_consent'
import { subprocessorDto } from '#governance/presenters/governance'
import { policyVersionsWithStatus } from '#governance/services/policy_versions'
import { CONSENT_ROUTE } from '#governance/services/consent_links'
import { consentDecisionValidator } from '#governance/validators/governance'
import { RecordNotFoundException, isUuid } from '#core/tenancy'
import { GoneError } from '#core/errors'

async function registry() {
  return (await Subprocessor.query().whereNull('retired_at').orderBy('name')).map(subprocessorDto)
}

/** Pages anyone can read (no login): the subprocessor registry, policy versions, and the consent link page. */
export default class PublicGovernanceController {
  async subprocessors({ inertia }: HttpContext) {
    return inertia.render('governance/public_subprocessors', { subprocessors: await registry() })
  }

  async subprocessorsFeed({ response }: HttpContext) {
    response.header('cache-control', 'public, max-age=300')
    return { updatedAt: new Date().toISOString(), noticeDays: 30, subprocessors: await registry() }
  }

  async privacyPolicy({ inertia }: HttpContext) {
    return inertia.render('governance/public_policy', { versions: await policyVersionsWithStatus() })
  }

  async consent(ctx: HttpContext) {
    const { workspaceId, subject } = this.#verified(ctx)
    const purposes = await ConsentPurpose.query().where('workspace_id', workspaceId).orderBy('name')
    if (!purposes.length) throw new RecordNotFoundException('Page not found')
    const versions = await ConsentPurposeVersion.query().where('workspace_id', workspaceId).orderBy('version', 'desc')
    const { state } = await consentStateOf(workspaceId, subject)
    return ctx.inertia.render('governance/public_consent', {
      purposes: purposes.map((purpose) => {
        const latest = versions.find((version) => version.purposeId === purpose.id)!
        const last = state.get(purpose.id)
        return { key: purpose.key, name: purpose.name, text: latest?.text ?? '', textHash: latest?.textHash ?? '', granted: last?.decision === 'grant', decidedAt: last?.occurredAt.toISO() ?? null }
      }),
      globalPrivacyControl: ctx.request.header('sec-gpc') === '1',
    })
  }

  async decide(ctx: HttpContext) {
    const { workspaceId, subject } = this.#verified(ctx)
    const input = await ctx.request.validateUsing(consentDecisionValidator)
    const event = await new RecordConsent().handle({
      workspaceId,
      subject,
      purposeKey: input.purpose,
      decision: input.decision,
      textHash: input.textHash ?? null,
      channel: 'consent_link',
      ip: ctx.request.ip(),
      globalPrivacyControl: ctx.request.header('sec-gpc') === '1',
    })
    const message =
      event.decision === 'refuse'
        ? 'Your browser sends the Global Privacy Control signal, so we recorded a refusal, not consent.'
        : event.decision === 'grant'
          ? 'Thank you: your consent is recorded. You can withdraw it here at any time.'
          : 'Your consent is withdrawn.'
    if (!ctx.request.header('x-inertia') && ctx.request.accepts(['html', 'json']) === 'json') return { decision: event.decision, message }
    ctx.session.flash('success', message)
    // Back to the same signed link (a plain back() would drop its signature).
    return ctx.response.redirect(ctx.request.url(true))
  }

  #verified(ctx: HttpContext) {
    if (!ctx.request.hasValidSignature(CONSENT_ROUTE)) throw new GoneError('This consent link is invalid or has expired. Ask for a new one.')
    const { workspaceId, subjectType, subjectId } = ctx.params
    if (!isUuid(workspaceId) || !['contact', 'visitor'].includes(subjectType) || !/^[\w-]{1,64}$/.test(subjectId)) {
      throw new RecordNotFoundException('Page not found')
    }
    return { workspaceId: workspaceId as string, subject: { type: subjectType as 'contact' | 'visitor', id: subjectId as string } }
  }
}
