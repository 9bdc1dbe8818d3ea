import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#exceptions/handler'))

server.use([
  () => import('#middleware/container_bindings_middleware'),
  // Custom help-center domains: maps `/` and `/articles/:slug` of a verified host onto /help/<slug> (app/channels)
  () => import('#channels/middleware/help_center_host_middleware'),
  () => import('@adonisjs/static/static_middleware'),
  () => import('@adonisjs/vite/vite_middleware'),
  () => import('#middleware/inertia_middleware'),
])

router.use([
  () => import('@adonisjs/core/bodyparser_middleware'),
  () => import('@adonisjs/session/session_middleware'),
  () => import('@adonisjs/shield/shield_middleware'),
  () => import('@adonisjs/auth/initialize_auth_middleware'),
  () => import('#middleware/silent_auth_middleware'),
  () => import('#middleware/initialize_bouncer_middleware'),
])

export const middleware = router.named({
  auth: () => import('#middleware/auth_middleware'),
  guest: () => import('#middleware/guest_middleware'),
  workspace: () => import('#middleware/workspace_middleware'),
  verified: () => import('#middleware/verified_middleware'),
  devOnly: () => import('#middleware/dev_only_middleware'),
  operator: () => import('#middleware/operator_middleware'),
  // Helpdesk REST API: token, rate limit and scope (app/helpdesk/api)
  apiToken: () => import('#helpdesk/api/middleware/api_token_middleware'),
})
