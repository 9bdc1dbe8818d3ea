import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { secrets } from '#vault/index'
import type Widget from '#channels/models/widget'

export const identitySecretContext = (widget: { id: string; workspaceId: string }) => ({
  scope: widget.workspaceId,
  table: 'widgets',
  column: 'identity_secret',
  rowId: widget.id,
})

export function newIdentitySecret() {
  return randomBytes(32).toString('hex')
}

/** HMAC-SHA256 of the external id with the widget's secret, hex: what the host's server computes as `userHash`. */
export function userHashOf(secret: string, externalId: string) {
  return createHmac('sha256', secret).update(externalId).digest('hex')
}

export async function verifyUserHash(widget: Widget, externalId: string, userHash: string) {
  const expected = Buffer.from(userHashOf(await secrets.open(widget.identitySecret, identitySecretContext(widget)), externalId))
  const given = Buffer.from(userHash)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
