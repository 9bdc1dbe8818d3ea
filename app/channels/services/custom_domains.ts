import env from '#start/env'

/** The TXT record that proves a workspace controls its help-center domain. */
export const verificationRecordName = (domain: string) => `_vaultdesk-verification.${domain}`
export const verificationRecordValue = (token: string) => `vaultdesk-verification=${token}`

/** The app's own host name: custom domains point at it with a CNAME, and it is never a custom domain itself. */
export function appHostname() {
  return new URL(env.get('APP_URL')).hostname.toLowerCase()
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/

/** A host name such as help.acme.com: lowercase labels, a dot, a letter TLD; no scheme, port, path or IP. Null when invalid. */
export function normalizeDomain(value: string) {
  const domain = value.trim().toLowerCase().replace(/\.$/, '')
  if (!domain || domain.length > 253) return null
  const labels = domain.split('.')
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null
  if (!/^[a-z]{2,63}$/.test(labels.at(-1)!)) return null
  return domain
}

export function dnsInstructions(domain: string, token: string) {
  return [
    { type: 'CNAME', name: domain, value: appHostname() },
    { type: 'TXT', name: verificationRecordName(domain), value: verificationRecordValue(token) },
  ]
}
