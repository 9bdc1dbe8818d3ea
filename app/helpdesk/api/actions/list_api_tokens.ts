import db from '@adonisjs/lucid/services/db'
import { User } from '#identity/index'
import ApiClient from '#helpdesk/api/models/api_client'
import { apiTokenDto, type ApiTokenRow } from '#helpdesk/api/presenters/api_token_presenter'

/** The workspace's tokens, newest first: active ones, then the last revoked or expired ones for the record. */
export default class ListApiTokens {
  async handle(workspaceId: string, limit = 100) {
    const clients = await ApiClient.query()
      .withScopes((scopes) => scopes.forWorkspace({ id: workspaceId }))
      .orderByRaw('revoked_at IS NOT NULL, created_at DESC')
      .limit(limit)
    if (clients.length === 0) return []
    const ids = clients.map((client) => client.id)
    const tokens: ApiTokenRow[] = await db
      .from('api_access_tokens')
      .where('workspace_id', workspaceId)
      .whereIn('tokenable_id', ids)
      .select('tokenable_id', 'abilities', 'last_used_at', 'expires_at')
    const creatorIds = [...new Set(clients.map((client) => client.createdById).filter((id): id is string => Boolean(id)))]
    const creators = creatorIds.length ? await User.query().whereIn('id', creatorIds).select('id', 'full_name') : []
    const tokenOf = new Map(tokens.map((token) => [token.tokenable_id, token]))
    const nameOf = new Map(creators.map((user) => [user.id, user.fullName]))
    return clients.map((client) => apiTokenDto(client, tokenOf.get(client.id), client.createdById ? (nameOf.get(client.createdById) ?? null) : null))
  }
}
