import { generateSecret, generateURI, verify } from 'otplib'
import encryption from '@adonisjs/core/services/encryption'
import { randomBytes } from 'node:crypto'
import { hashToken } from '#identity/services/one_time_token'

/** TOTP (RFC 6238) via otplib; the secret is stored encrypted, never in clear. */
export const twoFactor = {
  issuer: 'Vaultdesk',

  newSecret() {
    return generateSecret()
  },

  otpauthUri(secret: string, accountEmail: string) {
    return generateURI({ issuer: this.issuer, label: accountEmail, secret })
  },

  sealSecret(secret: string) {
    return encryption.encrypt(secret, undefined, 'totp')
  },

  openSecret(sealed: string) {
    const secret = encryption.decrypt<string>(sealed, 'totp')
    if (!secret) throw new Error('TOTP secret could not be decrypted')
    return secret
  },

  /** Accepts the current code and one step either side (clock drift). */
  async verifyCode(secret: string, code: string) {
    const token = code.replace(/\s+/g, '')
    if (!/^\d{6}$/.test(token)) return false
    const result = await verify({ secret, token, epochTolerance: 30 })
    return result.valid
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
