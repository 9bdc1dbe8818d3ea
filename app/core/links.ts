import router from '@adonisjs/core/services/router'
import env from '#start/env'

/**
 * Absolute, signed and expiring link to a named route, for mails. The
 * signature stops tampering; single use is enforced by the token behind it.
 */
export function signedLink(routeName: string, params: Record<string, string>, expiresIn: string) {
  return router.makeSignedUrl(routeName, params, { expiresIn, prefixUrl: env.get('APP_URL'), purpose: routeName })
}

export function absoluteLink(routeName: string, params: Record<string, string> = {}) {
  return router.makeUrl(routeName, params, { prefixUrl: env.get('APP_URL') })
}
