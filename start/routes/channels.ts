/** Routes of the channels module (app/channels): the help center (portal and public site) and the embed widget. */
import router from '@adonisjs/core/services/router'
import { signedInRoutes, workspaceRoutes } from '#start/route_groups'

const HelpCenterController = () => import('#channels/controllers/help_center_controller')
const PublicHelpCenterController = () => import('#channels/controllers/public_help_center_controller')
const WidgetSettingsController = () => import('#channels/controllers/widget_settings_controller')
const WidgetApiController = () => import('#channels/controllers/widget_api_controller')
const HelpCenterDomainController = () => import('#channels/controllers/help_center_domain_controller')
const MailboxOAuthController = () => import('#channels/controllers/mailbox_oauth_controller')
const EmailChannelsController = () => import('#channels/controllers/email_channels_controller')
const WidgetPrivacyController = () => import('#channels/controllers/widget_privacy_controller')

// Public widget API, called cross-origin from customers' sites (origin checked on every call, bearer session token)
router.route('/widget/:widgetId/*', ['OPTIONS'], [WidgetApiController, 'preflight']).as('channels.widget.preflight')
router.post('/widget/:widgetId/sessions', [WidgetApiController, 'start']).as('channels.widget.sessions')
router.post('/widget/:widgetId/identify', [WidgetApiController, 'identify']).as('channels.widget.identify')
router.get('/widget/:widgetId/messages', [WidgetApiController, 'messages']).as('channels.widget.messages')
router.post('/widget/:widgetId/messages', [WidgetApiController, 'send']).as('channels.widget.send')
router.get('/widget/:widgetId/events', [WidgetApiController, 'events']).as('channels.widget.events')
router.get('/widget/:widgetId/consent', [WidgetApiController, 'consent']).as('channels.widget.consent')
router.post('/widget/:widgetId/consent', [WidgetApiController, 'recordConsent']).as('channels.widget.consent.record')
router.post('/widget/:widgetId/handoff', [WidgetApiController, 'handOff']).as('channels.widget.handoff')
router.post('/widget/:widgetId/privacy-requests', [WidgetPrivacyController, 'store']).as('channels.widget.privacy_requests')

// Public, no login: a workspace's help center
router.get('/help/:slug', [PublicHelpCenterController, 'home']).as('channels.help.home')
router.get('/help/:slug/articles/:article', [PublicHelpCenterController, 'article']).as('channels.help.article')
router.post('/help/:slug/articles/:article/feedback', [PublicHelpCenterController, 'feedback']).as('channels.help.feedback')
router.post('/help/:slug/contact', [PublicHelpCenterController, 'contact']).as('channels.help.contact')

workspaceRoutes(() => {
  router.get('/widget', [WidgetSettingsController, 'show']).as('channels.widget')
  router.put('/widget', [WidgetSettingsController, 'save']).as('channels.widget.save')
  router.get('/help-center', [HelpCenterController, 'index']).as('channels.help_center')
  router.put('/help-center/domain', [HelpCenterDomainController, 'save']).as('channels.help_center.domain.save')
  router.post('/help-center/domain/verify', [HelpCenterDomainController, 'verify']).as('channels.help_center.domain.verify')
  router.delete('/help-center/domain', [HelpCenterDomainController, 'destroy']).as('channels.help_center.domain.destroy')
  router.post('/help-center/categories', [HelpCenterController, 'storeCategory']).as('channels.help_center.categories.store')
  router.put('/help-center/categories/:id', [HelpCenterController, 'updateCategory']).as('channels.help_center.categories.update')
  router.delete('/help-center/categories/:id', [HelpCenterController, 'destroyCategory']).as('channels.help_center.categories.destroy')
  router.post('/help-center/articles', [HelpCenterController, 'storeArticle']).as('channels.help_center.articles.store')
  router.get('/help-center/articles/:id', [HelpCenterController, 'showArticle']).as('channels.help_center.articles.show')
  router.put('/help-center/articles/:id', [HelpCenterController, 'updateArticle']).as('channels.help_center.articles.update')
  router.post('/help-center/articles/:id/publish', [HelpCenterController, 'publishArticle']).as('channels.help_center.articles.publish')
  router.post('/help-center/articles/:id/unpublish', [HelpCenterController, 'unpublishArticle']).as('channels.help_center.articles.unpublish')
  router.delete('/help-center/articles/:id', [HelpCenterController, 'destroyArticle']).as('channels.help_center.articles.destroy')
})

// Gmail / Microsoft 365 OAuth: started inside a workspace (owners, admins); one fixed callback per provider
// (as registered with Google/Microsoft), the workspace is carried in the session and checked on return.
workspaceRoutes(() => {
  router.get('/email/oauth/:provider/redirect', [MailboxOAuthController, 'redirect']).as('channels.email.oauth.redirect')
})
signedInRoutes(() => {
  router.get('/email/oauth/:provider/callback', [MailboxOAuthController, 'callback']).as('channels.email.oauth.callback')
})

// Email channels page (owners, admins): connected mailboxes, IMAP/SMTP connect, sync now, disconnect
workspaceRoutes(() => {
  router.get('/email', [EmailChannelsController, 'index']).as('channels.email')
  router.post('/email/imap', [EmailChannelsController, 'storeImap']).as('channels.email.imap.store')
  router.post('/email/mailboxes/:id/sync', [EmailChannelsController, 'sync']).as('channels.email.sync')
  router.delete('/email/mailboxes/:id', [EmailChannelsController, 'destroy']).as('channels.email.destroy')
})
