import type { HttpContext } from '@adonisjs/core/http'
import { audit } from '#core/audit'
import PrivacyPolicy from '#privacy/policies/privacy_policy'
import PrivacySettings from '#privacy/models/privacy_settings'
import { catalogRows } from '#privacy/presenters/catalog'
import { settingsOf } from '#privacy/services/desk'
import { REGIME_LABELS, REGIMES } from '#privacy/services/request_types'
import { settingsValidator } from '#privacy/validators/privacy'

/** The personal-data catalog as a table, and the desk's settings (owners and privacy staff). */
export default class CatalogController {
  async index({ inertia, workspace, membership, bouncer }: HttpContext) {
    await bouncer.with(PrivacyPolicy).authorize('work', membership!)
    const desk = { workspace: workspace! }
    return inertia.render('privacy/catalog', {
      rows: catalogRows(),
      settings: await settingsOf(desk),
      canConfigure: await bouncer.with(PrivacyPolicy).allows('configure', membership!),
      regimes: REGIMES.map((value) => ({ value, label: REGIME_LABELS[value] })),
      portalUrl: `/privacy/${workspace!.slug}`,
      settingsUrl: `/w/${workspace!.slug}/privacy/settings`,
    })
  }

  async updateSettings({ request, response, session, workspace, membership, bouncer }: HttpContext) {
    await bouncer.with(PrivacyPolicy).authorize('configure', membership!)
    const { targetDays, defaultRegime } = await request.validateUsing(settingsValidator)
    await PrivacySettings.updateOrCreate({ workspaceId: workspace!.id }, { targetDays, defaultRegime })
    await audit({ action: 'privacy.settings_updated', workspaceId: workspace!.id, metadata: { targetDays, defaultRegime } })
    session.flash('success', 'Privacy settings saved. New requests use them.')
    return response.redirect(`/w/${workspace!.slug}/privacy/catalog`)
  }
}
