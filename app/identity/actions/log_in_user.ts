import type { HttpContext } from '@adonisjs/core/http'
import type User from '#identity/models/user'
import { audit } from '#core/audit'

/** Opens the session (a new session id) and records the sign-in. */
export default class LogInUser {
  async handle(auth: HttpContext['auth'], user: User, method: 'password' | 'two_factor' | 'signup') {
    await auth.use('web').login(user)
    await audit({ action: 'auth.login_succeeded', workspaceId: null, targetType: 'user', targetId: user.id, metadata: { method }, actor: { type: 'user', id: user.id } })
  }
}
