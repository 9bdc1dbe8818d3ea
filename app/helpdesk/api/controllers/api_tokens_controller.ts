import type { HttpContext } from '@adonisjs/core/http'
import { findInWorkspaceOrFail } from '#core/tenancy'
import ApiClient from '#helpdesk/api/models/api_client'
import ApiTokenPolicy from '#helpdesk/api/policies/api_token_policy'
import CreateApiToken from '#helpdesk/api/actions/create_api_token'
import RevokeApiToken from '#helpdesk/api/actions/revoke_api_token'
import ListApiTokens from '#helpdesk/api/actions/list_api_tokens'
import { createApiTokenValidator } from '#helpdesk/api/validators/api_tokens'
import { API_SCOPE_LABELS, API_SCOPES, TOKEN_LIFETIMES_DAYS, TOKEN_PREFIX } from '#helpdesk/api/scopes'

/** The API tokens page of a workspace (owners and admins). */
export default class ApiTokensController {
  async index(ctx: HttpContext) {
    await ctx.bouncer.with(ApiTokenPolicy).authorize('manage', ctx.membership)
    return this.#render(ctx, null)
  }

  /**
   * Answers with the page itself (no redirect), carrying the new secret:
   * it then exists only in this response, never in the session store.
   */
  async store(ctx: HttpContext) {
    const { request, workspace, membership, bouncer, auth } = ctx
    await bouncer.with(ApiTokenPolicy).authorize('manage', membership)
    const input = await request.validateUsing(createApiTokenValidator)
    const { client, secret, expiresAt } = await new CreateApiToken().handle({
      workspaceId: workspace!.id,
      createdById: auth.user!.id,
      name: input.name,
      scopes: input.scopes,
      expiresInDays: input.expiresInDays,
    })
    ctx.response.header('Cache-Control', 'no-store')
    return this.#render(ctx, { id: client.id, name: client.name, secret, expiresAt: expiresAt?.toISOString() ?? null })
  }

  async destroy({ params, workspace, membership, bouncer, auth, session, response }: HttpContext) {
    await bouncer.with(ApiTokenPolicy).authorize('manage', membership)
    const client = await findInWorkspaceOrFail(ApiClient, workspace!, params.id, 'API token')
    await new RevokeApiToken().handle(client, auth.user!.id)
    session.flash('success', `The token "${client.name}" was revoked. Requests with it are refused from now on.`)
    return response.redirect().toPath(`/w/${workspace!.slug}/api-tokens`)
  }

  async #render({ inertia, workspace }: HttpContext, createdToken: { id: string; name: string; secret: string; expiresAt: string | null } | null) {
    return inertia.render('helpdesk/api/tokens', {
      tokens: await new ListApiTokens().handle(workspace!.id),
      scopes: API_SCOPES.map((scope) => ({ value: scope, label: API_SCOPE_LABELS[scope] })),
      lifetimes: [...TOKEN_LIFETIMES_DAYS],
      tokenPrefix: TOKEN_PREFIX,
      createdToken,
    })
  }
}
