import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { audit } from '#core/audit'
import type ApiClient from '#helpdesk/api/models/api_client'

/**
 * Revokes a client's token at once: the token row expires now (the guard
 * refuses it) and the client is marked revoked (kept for the token list and
 * the audit trail). Revoking twice is harmless.
 */
export default class RevokeApiToken {
  async handle(client: ApiClient, revokedById: string) {
    if (client.revokedAt) return client
    await db.transaction(async (trx) => {
      client.useTransaction(trx)
      client.revokedAt = DateTime.now()
      client.revokedById = revokedById
      await client.save()
      await trx.from('api_access_tokens').where('workspace_id', client.workspaceId).where('tokenable_id', client.id).update({ expires_at: new Date(), updated_at: new Date() })
    })
    await audit({ action: 'api_token.revoked', workspaceId: client.workspaceId, targetType: 'api_client', targetId: client.id })
    return client
  }
}
