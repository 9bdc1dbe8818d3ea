import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit'
import ApiClient from '#helpdesk/api/models/api_client'
import type { ApiScope } from '#helpdesk/api/scopes'

export interface CreateApiTokenInput {
  workspaceId: string
  createdById: string
  name: string
  scopes: ApiScope[]
  expiresInDays: number
  requestsPerMinute?: number
}

/**
 * Creates an API client of the workspace and its token. The returned secret
 * is the only copy: the database keeps its SHA-256 hash and last four
 * characters, so it can never be shown again.
 */
export default class CreateApiToken {
  async handle(input: CreateApiTokenInput) {
    const { client, token } = await db.transaction(async (trx) => {
      const client = await ApiClient.create(
        {
          workspaceId: input.workspaceId,
          name: input.name,
          createdById: input.createdById,
          tokenLastFour: '',
          ...(input.requestsPerMinute ? { requestsPerMinute: input.requestsPerMinute } : {}),
        },
        { client: trx }
      )
      const token = await ApiClient.accessTokens.createForWorkspace(client, [...input.scopes], { expiresIn: `${input.expiresInDays} days` }, trx)
      client.tokenLastFour = token.value!.release().slice(-4)
      await client.save()
      return { client, token }
    })
    await audit({
      action: 'api_token.created',
      workspaceId: input.workspaceId,
      targetType: 'api_client',
      targetId: client.id,
      metadata: { scopes: input.scopes.join(' '), expiresInDays: input.expiresInDays },
    })
    return { client, secret: token.value!.release(), expiresAt: token.expiresAt }
  }
}
