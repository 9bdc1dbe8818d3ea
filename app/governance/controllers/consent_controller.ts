import type { HttpContext } from '@adonisjs/core/http'
import GovernancePolicy from '#governance/policies/governance_policy'
import ConsentPurpose from '#governance/models/consent_purpose'
import ConsentPurposeVersion from '#governance/models/consent_purpose_version'
import SaveConsentPurpose from '#governance/actions/save_consent_purpose'
import { consentStateOf } from '#governance/actions/record_consent'
import { consentLink } from '#governance/services/consent_links'
import { consentPurposeValidator, consentSubjectValidator } from '#governance/validators/governance'
import { done, workspaceContext } from '#governance/controllers/context'

/** Staff side of the consent ledger: purposes and their texts, a subject's history and proof. */
export default class ConsentController {
  async index(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    const policy = ctx.bouncer.with(GovernancePolicy)
    await policy.authorize('viewConsent', membership)
    const query = await consentSubjectValidator.validate(ctx.request.qs())
    const purposes = await ConsentPurpose.query().where('workspace_id', workspace.id).orderBy('name')
    const versions = await ConsentPurposeVersion.query().where('workspace_id', workspace.id).orderBy('version', 'desc')
    const subject = query.subjectId ? { type: query.subjectType ?? 'contact', id: query.subjectId } : null
    const history = subject ? await this.#history(workspace.id, subject, versions) : null
    return ctx.inertia.render('governance/consent', {
      purposes: purposes.map((purpose) => {
        const latest = versions.find((version) => version.purposeId === purpose.id)
        return { id: purpose.id, key: purpose.key, name: purpose.name, version: latest?.version ?? 0, text: latest?.text ?? '', textHash: latest?.textHash ?? '' }
      }),
      subject,
      history,
      consentLink: subject ? consentLink(workspace.id, subject) : null,
      canManage: await policy.allows('manageConsentPurposes', membership),
    })
  }

  /** The same history as JSON, with the exact texts: what staff hand over as proof. */
  async proof(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(GovernancePolicy).authorize('viewConsent', membership)
    const query = await consentSubjectValidator.validate(ctx.request.qs())
    if (!query.subjectId) return ctx.response.unprocessableEntity({ message: 'Choose a subject.' })
    const versions = await ConsentPurposeVersion.query().where('workspace_id', workspace.id)
    const subject = { type: query.subjectType ?? 'contact', id: query.subjectId }
    const history = await this.#history(workspace.id, subject, versions)
    ctx.response.header('content-disposition', `attachment; filename="consent-proof-${subject.id}.json"`)
    return { workspaceId: workspace.id, subject, generatedAt: new Date().toISOString(), events: history }
  }

  async savePurpose(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(GovernancePolicy).authorize('manageConsentPurposes', membership)
    const input = await ctx.request.validateUsing(consentPurposeValidator)
    const { version } = await new SaveConsentPurpose().handle({ workspaceId: workspace.id, ...input })
    return done(ctx, `Purpose saved (text version ${version.version}).`, { textHash: version.textHash })
  }

  async #history(workspaceId: string, subject: { type: 'contact' | 'visitor'; id: string }, versions: ConsentPurposeVersion[]) {
    const { events } = await consentStateOf(workspaceId, subject)
    const purposes = new Map((await ConsentPurpose.query().where('workspace_id', workspaceId)).map((purpose) => [purpose.id, purpose]))
    const texts = new Map(versions.map((version) => [version.id, version]))
    return events
      .map((event) => ({
        id: String(event.id),
        purpose: purposes.get(event.purposeId)?.name ?? '?',
        decision: event.decision,
        channel: event.channel,
        gpc: event.gpc,
        textVersion: event.purposeVersionId ? texts.get(event.purposeVersionId)?.version ?? null : null,
        text: event.purposeVersionId ? texts.get(event.purposeVersionId)?.text ?? null : null,
        textHash: event.textHash,
        ipHashed: Boolean(event.ipHash),
        occurredAt: event.occurredAt.toISO()!,
      }))
      .reverse()
  }
}
