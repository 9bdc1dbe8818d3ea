import type { HttpContext } from '@adonisjs/core/http'
import QRCode from 'qrcode'
import RecoveryCode from '#identity/models/recovery_code'
import { twoFactor } from '#identity/services/two_factor'
import { passwordConfirmationValidator, twoFactorCodeValidator } from '#identity/validators/auth'
import EnableTwoFactor from '#identity/actions/enable_two_factor'
import DisableTwoFactor from '#identity/actions/disable_two_factor'
import RegenerateRecoveryCodes from '#identity/actions/regenerate_recovery_codes'

/** The secret offered during setup lives in the (server-side) session until confirmed. */
const PENDING_SECRET_KEY = 'two_factor_setup_secret'
const NEW_CODES_KEY = 'new_recovery_codes'

export default class SecurityController {
  async show({ inertia, auth, session }: HttpContext) {
    const user = auth.getUserOrFail()
    const pendingSecret = session.get(PENDING_SECRET_KEY) as string | undefined
    const setup =
      pendingSecret && !user.hasTwoFactor
        ? {
            secret: pendingSecret,
            qrCode: await QRCode.toDataURL(twoFactor.otpauthUri(pendingSecret, user.email)),
          }
        : null
    const unusedCodes = user.hasTwoFactor
      ? await RecoveryCode.query().where('user_id', user.id).whereNull('used_at').count('* as total')
      : null
    return inertia.render('account/security', {
      twoFactorEnabled: user.hasTwoFactor,
      enabledAt: user.totpEnabledAt?.toISO() ?? null,
      unusedRecoveryCodes: unusedCodes ? Number(unusedCodes[0].$extras.total) : 0,
      setup,
      newRecoveryCodes: (session.flashMessages.get(NEW_CODES_KEY) as string[] | undefined) ?? null,
    })
  }

  async beginSetup({ response, session, auth }: HttpContext) {
    if (!auth.getUserOrFail().hasTwoFactor) session.put(PENDING_SECRET_KEY, twoFactor.newSecret())
    return response.redirect().back()
  }

  async confirm({ request, response, session, auth }: HttpContext) {
    const { code } = await request.validateUsing(twoFactorCodeValidator)
    const codes = await new EnableTwoFactor().handle(auth.getUserOrFail(), session.get(PENDING_SECRET_KEY), code)
    session.forget(PENDING_SECRET_KEY)
    session.flash(NEW_CODES_KEY, codes)
    session.flash('success', 'Two-factor authentication is on.')
    return response.redirect().back()
  }

  async disable({ request, response, session, auth }: HttpContext) {
    const { currentPassword } = await request.validateUsing(passwordConfirmationValidator)
    await new DisableTwoFactor().handle(auth.getUserOrFail(), currentPassword)
    session.flash('success', 'Two-factor authentication is off.')
    return response.redirect().back()
  }

  async regenerateCodes({ response, session, auth }: HttpContext) {
    const codes = await new RegenerateRecoveryCodes().handle(auth.getUserOrFail())
    session.flash(NEW_CODES_KEY, codes)
    session.flash('success', 'New recovery codes generated. The old ones no longer work.')
    return response.redirect().back()
  }
}
