import { isIP } from 'node:net'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { Workspace } from '#identity/index'
import HelpCenterDomain from '#channels/models/help_center_domain'
import { appHostname } from '#channels/services/custom_domains'

/**
 * Custom help-center domains: a request whose Host is a workspace's verified
 * domain is served that workspace's help center at `/` and `/articles/:slug`
 * (plus the feedback and contact posts), by mapping the path onto the
 * `/help/<slug>` routes before the router looks it up. Every other host,
 * and every other path (assets, the widget), falls through untouched.
 * Runs as server middleware because the router matches after it.
 */
export default class HelpCenterHostMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const hostname = ctx.request.hostname()?.toLowerCase()
    if (!hostname || hostname === 'localhost' || isIP(hostname) || hostname === appHostname()) return next()
    const path = ctx.request.parsedUrl.pathname
    const mapped = path === '/' || path === '/contact' || path.startsWith('/articles/')
    if (!mapped) return next()
    const domain = await HelpCenterDomain.query().where('domain', hostname).whereNotNull('verified_at').first()
    if (!domain) return next()
    const workspace = await Workspace.find(domain.workspaceId)
    if (!workspace) return next()
    const base = `/help/${workspace.slug}`
    ctx.request.parsedUrl = { ...ctx.request.parsedUrl, pathname: path === '/' ? base : `${base}${path}` }
    return next()
  }
}
