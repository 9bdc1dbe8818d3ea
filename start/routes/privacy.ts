/** Routes of the privacy module (app/privacy): public portal, staff desk, operator desk, account page. */
import router from '@adonisjs/core/services/router'
import { operatorRoutes, signedInRoutes, workspaceRoutes } from '#start/route_groups'

const PortalController = () => import('#privacy/controllers/portal_controller')
const RequestsController = () => import('#privacy/controllers/requests_controller')
const CatalogController = () => import('#privacy/controllers/catalog_controller')
const AccountPrivacyController = () => import('#privacy/controllers/account_privacy_controller')

// Public privacy portal of a workspace (no sign-in; links from mails are signed and single-use)
router.get('/.well-known/vaultdesk-erasure-key', [PortalController, 'signingKey']).as('privacy.signing_key')
router.get('/privacy/exports/:id/:token', [PortalController, 'download']).as('privacy.portal.download')
router.get('/privacy/:slug', [PortalController, 'show']).as('privacy.portal')
router.post('/privacy/:slug/requests', [PortalController, 'store']).as('privacy.portal.store')
router.get('/privacy/:slug/verify/:id/:token', [PortalController, 'verify']).as('privacy.portal.verify')
router.get('/privacy/:slug/status/:id/:token', [PortalController, 'status']).as('privacy.portal.status')
router.get('/privacy/:slug/status/:id/:token/certificate', [PortalController, 'certificate']).as('privacy.portal.certificate')
router.get('/privacy/:slug/status/:id/:token/export', [PortalController, 'exportLink']).as('privacy.portal.export')

/** The same staff actions on the workspace desk and on the operator's platform desk. */
function deskRoutes(prefix: string, name: string) {
  router.get(prefix, [RequestsController, 'index']).as(`${name}.index`)
  router.get(`${prefix}/:id`, [RequestsController, 'show']).as(`${name}.show`)
  router.post(`${prefix}/:id/verify`, [RequestsController, 'verify']).as(`${name}.verify`)
  router.post(`${prefix}/:id/extend`, [RequestsController, 'extend']).as(`${name}.extend`)
  router.post(`${prefix}/:id/approve`, [RequestsController, 'approve']).as(`${name}.approve`)
  router.post(`${prefix}/:id/fulfil`, [RequestsController, 'fulfil']).as(`${name}.fulfil`)
  router.post(`${prefix}/:id/reject`, [RequestsController, 'reject']).as(`${name}.reject`)
  router.post(`${prefix}/:id/notes`, [RequestsController, 'note']).as(`${name}.notes`)
  router.post(`${prefix}/:id/identifiers`, [RequestsController, 'identifier']).as(`${name}.identifiers`)
  router.put(`${prefix}/:id/assignee`, [RequestsController, 'assign']).as(`${name}.assign`)
  router.post(`${prefix}/:id/tasks/:taskId/done`, [RequestsController, 'completeTask']).as(`${name}.tasks.done`)
  router.get(`${prefix}/:id/certificate`, [RequestsController, 'certificate']).as(`${name}.certificate`)
}

// Workspace privacy desk (owners and privacy staff; admins and agents 403)
workspaceRoutes(() => {
  deskRoutes('/privacy/requests', 'privacy.requests')
  router.get('/privacy/catalog', [CatalogController, 'index']).as('privacy.catalog')
  router.put('/privacy/settings', [CatalogController, 'updateSettings']).as('privacy.settings')
})

// Platform desk: workspace users' own requests (operators only; others 404)
operatorRoutes(() => {
  deskRoutes('/privacy-requests', 'operator.privacy_requests')
})

// A workspace user's requests about themselves, to the platform
signedInRoutes(() => {
  router.get('/account/privacy', [AccountPrivacyController, 'show']).as('privacy.account')
  router.post('/account/privacy/requests', [AccountPrivacyController, 'store']).as('privacy.account.store')
})
