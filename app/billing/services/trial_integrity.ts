/**
 * Free-trial abuse detection from signals stored only as keyed hashes (the
 * vault's platform index key): the card fingerprint Stripe reports, the IP
 * a trial was started or checked out from, and the business email domain.
 * A signal another workspace's trial already carries refuses a new trial.
 */
import { isIP } from 'node:net'
import { DateTime } from 'luxon'
import billingConfig from '#config/billing'
import { PLATFORM_SCOPE, blindIndexFor } from '#vault/index'
import TrialSignal, { type TrialSignalKind } from '#billing/models/trial_signal'

export interface TrialSignalInput {
  kind: TrialSignalKind
  value: string
}

/** Mail providers anyone can sign up with: their domain says nothing about an organisation. */
const PERSONAL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'msn.com',
  'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com',
  'proton.me', 'protonmail.com', 'pm.me', 'gmx.de', 'gmx.net', 'gmx.com', 'web.de', 't-online.de',
  'mail.com', 'zoho.com', 'yandex.com', 'yandex.ru', 'mail.ru', 'qq.com', '163.com', 'fastmail.com',
  'tutanota.com', 'hey.com', 'free.fr', 'orange.fr', 'laposte.net', 'libero.it',
])

/** The organisation's domain of an email, or null for personal mail providers. */
export function businessDomainOf(email: string | null | undefined): string | null {
  const domain = email?.split('@')[1]?.trim().toLowerCase()
  if (!domain || !domain.includes('.')) return null
  return PERSONAL_DOMAINS.has(domain) ? null : domain
}

/** Public IPs only: loopback and private addresses identify a proxy or a test, not a person. */
export function publicIpOf(ip: string | null | undefined): string | null {
  if (!ip || !isIP(ip)) return null
  const private4 = /^(10\.|127\.|192\.168\.|169\.254\.|172\.(1[6-9]|2\d|3[01])\.|0\.)/
  const private6 = /^(::1$|::$|f[cd][0-9a-f]{2}:|fe80:|::ffff:(10|127|192\.168)\.)/i
  return private4.test(ip) || private6.test(ip) ? null : ip
}

async function hashOf(signal: TrialSignalInput) {
  return (await blindIndexFor(PLATFORM_SCOPE, 'external_id', `${signal.kind}:${signal.value}`))!
}

export const trialIntegrity = {
  /** The first signal another workspace's trial already carries (IPs only within the window), or null. */
  async conflict(workspaceId: string, signals: TrialSignalInput[]): Promise<TrialSignalKind | null> {
    for (const signal of signals) {
      const match = await TrialSignal.query()
        .where('kind', signal.kind)
        .where('value_hash', await hashOf(signal))
        .whereNot('workspace_id', workspaceId)
        .if(signal.kind === 'checkout_ip', (query) =>
          query.where('created_at', '>', DateTime.now().minus({ days: billingConfig.trialIpWindowDays }).toSQL()!)
        )
        .first()
      if (match) return signal.kind
    }
    return null
  },

  async record(workspaceId: string, signals: TrialSignalInput[]) {
    for (const signal of signals) {
      const valueHash = await hashOf(signal)
      const exists = await TrialSignal.query()
        .where('workspace_id', workspaceId)
        .where('kind', signal.kind)
        .where('value_hash', valueHash)
        .first()
      if (!exists) await TrialSignal.create({ workspaceId, kind: signal.kind, valueHash })
    }
  },
}

export const TRIAL_REFUSALS: Record<TrialSignalKind, string> = {
  card_fingerprint: 'This card was already used for a free trial of another workspace, so this workspace has no free trial.',
  checkout_ip: 'A free trial was started from the same network recently, so this workspace has no free trial.',
  email_domain: 'Your organisation already had a free trial in another workspace, so this workspace has no free trial.',
}
