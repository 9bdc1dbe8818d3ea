import { AccessToken, DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

interface WorkspaceTokenable {
  $primaryKeyValue?: unknown
  workspaceId: string
}

/**
 * @adonisjs/auth's database token provider, with the owning workspace written
 * on each token row (tenant tables carry workspace_id). Verification and
 * everything else are the library's: only the SHA-256 hash of the secret is
 * stored, and the secret exists once, in the value returned here.
 */
export class WorkspaceTokensProvider<Model extends LucidModel> extends DbAccessTokensProvider<Model> {
  async createForWorkspace(
    owner: WorkspaceTokenable,
    abilities: string[],
    options: { expiresIn: string | number },
    trx?: TransactionClientContract
  ) {
    const transient = AccessToken.createTransientToken(String(owner.$primaryKeyValue), this.tokenSecretLength, options.expiresIn)
    const now = new Date()
    const row = {
      workspace_id: owner.workspaceId,
      tokenable_id: transient.userId,
      type: this.type,
      name: null,
      hash: transient.hash,
      abilities: JSON.stringify(abilities),
      created_at: now,
      updated_at: now,
      last_used_at: null,
      expires_at: transient.expiresAt ?? null,
    }
    const client = trx ?? (await this.getDb())
    const [inserted] = await client.table(this.table).insert(row).returning('id')
    return new AccessToken({
      identifier: typeof inserted === 'object' ? inserted.id : inserted,
      tokenableId: row.tokenable_id,
      type: row.type,
      prefix: this.prefix,
      secret: transient.secret,
      name: null,
      hash: row.hash,
      abilities,
      createdAt: now,
      updatedAt: now,
      lastUsedAt: null,
      expiresAt: row.expires_at,
    })
  }
}
