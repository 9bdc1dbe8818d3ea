import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { AccessToken } from '@adonisjs/auth/access_tokens'
import { workspaceScope } from '#core/tenancy'
import { withEncryption, encrypted } from '#vault/index'
import { WorkspaceTokensProvider } from '#helpdesk/api/services/workspace_tokens_provider'
import { TOKEN_PREFIX } from '#helpdesk/api/scopes'

/**
 * Who calls the REST API: an integration of a workspace, not a user. One
 * client per token, so revoking a token is revoking its client.
 */
export default class ApiClient extends compose(BaseModel, withEncryption()) {
  static forWorkspace = workspaceScope<typeof ApiClient>()

  static accessTokens = new WorkspaceTokensProvider({
    tokenableModel: ApiClient,
    table: 'api_access_tokens',
    type: 'api_token',
    prefix: TOKEN_PREFIX,
  })

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare workspaceId: string

  /** A label typed by an admin ("Zapier", "Shop backend"): free text, so encrypted. */
  @encrypted.string()
  declare name: string

  @column()
  declare tokenLastFour: string

  @column()
  declare requestsPerMinute: number

  @column()
  declare createdById: string | null

  @column.dateTime()
  declare revokedAt: DateTime | null

  @column()
  declare revokedById: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  /** Set by the guard on the authenticated client. */
  declare currentAccessToken?: AccessToken

  get isRevoked() {
    return Boolean(this.revokedAt)
  }
}
