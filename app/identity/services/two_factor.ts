import { generateSecret, generateURI, verify } from 'otplib'
import encryption from '@adonisjs/core/services/encryption'
import { randomBytes } from 'node:crypto'
import { hashToken } from '#identity/services/one_time_token'
import { PLATFORM_SCOPE, registerEncryptedColumn, secrets } from '#vault/index'

/**
 * The TOTP secret is sealed by the vault with the user's own key in the
 * platform scope (users belong to no single workspace), so erasing the user
 * shreds it. Values sealed before the vault (APP_KEY) still open.
 */
function totpContext(userId: string) {
  return { scope: PLATFORM_SCOPE, table: 'users', column: 'totp_secret', rowId: userId, subject: { type: 'workspace_user', id: userId } }
}
registerEncryptedColumn({
  table: 'users',
  column: 'totp_secret',
  primaryKey: 'id',
  workspaceColumn: null,
  subject: { type: 'workspace_user', column: 'id' },
  origin: 'identity two_factor',
})

/** TOTP (RFC 6238) via otplib; the secret is stored encrypted, never in clear. */
export const twoFactor = {
  issuer: 'Vaultdesk',

  newSecret() {
    return generateSecret()
  },

  otpauthUri(secret: string, accountEmail: string) {
    return generateURI({ issuer: this.issuer, label: accountEmail, secret })
  },

  sealSecret(userId: string, secret: string) {
    return secrets.seal(secret, totpContext(userId))
  },

  async openSecret(userId: string, sealed: string) {
    if (secrets.isSealed(sealed)) return secrets.open(sealed, totpContext(userId))
    const secret = encryption.decrypt<string>(sealed, 'totp')
    if (!secret) throw new Error('TOTP secret could not be decrypted')
    return secret
  },

  /** Moves a secret sealed before the vault (APP_KEY) into the vault. */
  async resealIfLegacy(user: { id: string; totpSecret: string | null; save(): Promise<unknown> }, secret: string) {
    if (!user.totpSecret || secrets.isSealed(user.totpSecret)) return
    user.totpSecret = await this.sealSecret(user.id, secret)
    await user.save()
  },

  /** Accepts the current code and one step either side (clock drift). */
  async verifyCode(secret: string, code: string) {
    return (await this.matchingStep(secret, code)) !== null
  },

  /** The 30-second time step the code belongs to, or null when it is not valid now. */
  async matchingStep(secret: string, code: string) {
    const token = code.replace(/\s+/g, '')
    if (!/^\d{6}$/.test(token)) return null
    const result = await verify({ secret, token, epochTolerance: 30 })
    return result.valid ? Math.floor(Date.now() / 30_000) + result.delta : null
  },

  /** Ten recovery codes like `4f7k-9q2m-x8`; shown once, stored hashed. */
  newRecoveryCodes(count = 10) {
    return Array.from({ length: count }, () => {
      const raw = randomBytes(8).toString('hex')
      return `${raw.slice(0, 5)}-${raw.slice(5, 10)}-${raw.slice(10, 16)}`
    })
  },

  hashRecoveryCode(code: string) {
    return hashToken(code.trim().toLowerCase())
  },
}
