/** Routes of the governance module (app/governance): workspace pages, public pages and the operator console. */
import router from '@adonisjs/core/services/router'
import { operatorRoutes, workspaceRoutes } from '#start/route_groups'

const RetentionController = () => import('#governance/controllers/retention_controller')
const NoticesController = () => import('#governance/controllers/notices_controller')
const ConsentController = () => import('#governance/controllers/consent_controller')
const SupportAccessController = () => import('#governance/controllers/support_access_controller')
const RopaController = () => import('#governance/controllers/ropa_controller')
const PublicGovernanceController = () => import('#governance/controllers/public_governance_controller')
const OperatorConsoleController = () => import('#governance/controllers/operator_console_controller')

// Public, no login: the subprocessor registry and feed, policy versions, the signed consent link
router.get('/subprocessors', [PublicGovernanceController, 'subprocessors']).as('governance.subprocessors.public')
router.get('/subprocessors.json', [PublicGovernanceController, 'subprocessorsFeed']).as('governance.subprocessors.feed')
router.get('/privacy-policy', [PublicGovernanceController, 'privacyPolicy']).as('governance.policy.public')
router.get('/consent/:workspaceId/:subjectType/:subjectId', [PublicGovernanceController, 'consent']).as('governance.consent.show')
router.post('/consent/:workspaceId/:subjectType/:subjectId', [PublicGovernanceController, 'decide']).as('governance.consent.decide')

workspaceRoutes(() => {
  router.get('/governance/retention', [RetentionController, 'show']).as('governance.retention')
  router.put('/governance/retention/rules', [RetentionController, 'saveRule']).as('governance.retention.rules')
  router.post('/governance/retention/runs', [RetentionController, 'runNow']).as('governance.retention.run')
  router.post('/governance/legal-holds', [RetentionController, 'placeHold']).as('governance.holds.store')
  router.post('/governance/legal-holds/:id/release', [RetentionController, 'releaseHold']).as('governance.holds.release')
  router.post('/governance/closure', [RetentionController, 'close']).as('governance.closure.store')
  router.delete('/governance/closure', [RetentionController, 'restore']).as('governance.closure.destroy')

  router.get('/governance/subprocessors', [NoticesController, 'show']).as('governance.notices')
  router.post('/governance/subprocessors/:id/objection', [NoticesController, 'object']).as('governance.notices.object')
  router.put('/governance/notices/subscription', [NoticesController, 'subscribe']).as('governance.notices.subscription')

  router.get('/governance/consent', [ConsentController, 'index']).as('governance.consent')
  router.get('/governance/consent/proof', [ConsentController, 'proof']).as('governance.consent.proof')
  router.post('/governance/consent/purposes', [ConsentController, 'savePurpose']).as('governance.consent.purposes')

  router.get('/governance/support-access', [SupportAccessController, 'show']).as('governance.support')
  router.post('/governance/support-access', [SupportAccessController, 'grant']).as('governance.support.grant')
  router.delete('/governance/support-access/:id', [SupportAccessController, 'revoke']).as('governance.support.revoke')

  router.get('/governance/records-of-processing', [RopaController, 'show']).as('governance.ropa')
  router.get('/governance/records-of-processing.csv', [RopaController, 'csv']).as('governance.ropa.csv')
  router.get('/governance/records-of-processing.html', [RopaController, 'html']).as('governance.ropa.html')
})

operatorRoutes(() => {
  router.get('/', [OperatorConsoleController, 'index']).as('operator.index')
  router.get('/subprocessors', [OperatorConsoleController, 'subprocessors']).as('operator.subprocessors')
  router.post('/subprocessors', [OperatorConsoleController, 'storeSubprocessor']).as('operator.subprocessors.store')
  router.post('/subprocessors/:id/retire', [OperatorConsoleController, 'retireSubprocessor']).as('operator.subprocessors.retire')
  router.get('/policies', [OperatorConsoleController, 'policies']).as('operator.policies')
  router.post('/policies', [OperatorConsoleController, 'storePolicy']).as('operator.policies.store')
  router.get('/support', [OperatorConsoleController, 'support']).as('operator.support')
  router.get('/workspaces/:id', [OperatorConsoleController, 'workspace']).as('operator.workspace')
})
