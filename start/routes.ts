/*
| Routes. Workspace pages live under /w/:workspace (a slug) and go through
| the `workspace` middleware, which answers 404 to non-members.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import transmit from '@adonisjs/transmit/services/main'
import { authorizeInboxChannels } from '#helpdesk/index'

const SessionController = () => import('#identity/controllers/session_controller')
const SignupController = () => import('#identity/controllers/signup_controller')
const TwoFactorChallengeController = () => import('#identity/controllers/two_factor_challenge_controller')
const EmailVerificationController = () => import('#identity/controllers/email_verification_controller')
const PasswordResetController = () => import('#identity/controllers/password_reset_controller')
const WorkspacesController = () => import('#identity/controllers/workspaces_controller')
const MembersController = () => import('#identity/controllers/members_controller')
const InvitationsController = () => import('#identity/controllers/invitations_controller')
const AccountController = () => import('#identity/controllers/account_controller')
const SecurityController = () => import('#identity/controllers/security_controller')
const DevMailboxController = () => import('#identity/controllers/dev_mailbox_controller')
// Helpdesk REST API, API tokens and reports (app/helpdesk/api, app/helpdesk/reports)
const ApiTokensController = () => import('#helpdesk/api/controllers/api_tokens_controller')
const ApiOpenApiController = () => import('#helpdesk/api/controllers/openapi_controller')
const ReportsController = () => import('#helpdesk/reports/controllers/reports_controller')
const SavedReportsController = () => import('#helpdesk/reports/controllers/saved_reports_controller')
const ApiContactsController = () => import('#helpdesk/api/controllers/contacts_controller')
const ApiTicketsController = () => import('#helpdesk/api/controllers/tickets_controller')
const ApiTicketMessagesController = () => import('#helpdesk/api/controllers/ticket_messages_controller')
const AuditLogController = () => import('#governance/controllers/audit_log_controller')
const VaultKeysController = () => import('#vault/controllers/keys_controller')
// Helpdesk: inbox, tickets, contacts, incidents, settings, CSAT (app/helpdesk) and live inbox updates
const InboxController = () => import('#helpdesk/controllers/inbox_controller')
const TicketsController = () => import('#helpdesk/controllers/tickets_controller')
const TicketMessagesController = () => import('#helpdesk/controllers/ticket_messages_controller')
const CannedRepliesController = () => import('#helpdesk/controllers/canned_replies_controller')
const ContactsController = () => import('#helpdesk/controllers/contacts_controller')
const IncidentsController = () => import('#helpdesk/controllers/incidents_controller')
const HelpdeskSettingsController = () => import('#helpdesk/controllers/settings_controller')
const HelpdeskDefinitionsController = () => import('#helpdesk/controllers/definitions_controller')
const CsatController = () => import('#helpdesk/controllers/csat_controller')

router.get('/', ({ auth, response }) => response.redirect(auth.user ? '/app' : '/login'))

// Signed out
router
  .group(() => {
    router.get('/login', [SessionController, 'show']).as('login')
    router.post('/login', [SessionController, 'store'])
    router.get('/login/two-factor', [TwoFactorChallengeController, 'show']).as('two_factor.challenge')
    router.post('/login/two-factor', [TwoFactorChallengeController, 'store'])
    router.get('/signup', [SignupController, 'show']).as('signup')
    router.post('/signup', [SignupController, 'store'])
    router.get('/forgot-password', [PasswordResetController, 'showRequest']).as('password_reset.request')
    router.post('/forgot-password', [PasswordResetController, 'sendLink'])
    router.get('/reset-password/:token', [PasswordResetController, 'show']).as('password_reset.show')
    router.post('/reset-password', [PasswordResetController, 'reset']).as('password_reset.reset')
  })
  .use(middleware.guest())

// Links from mails work signed in or out
router.get('/verify-email/:token', [EmailVerificationController, 'verify']).as('email_verification.verify')
router.get('/invitations/:token', [InvitationsController, 'show']).as('invitations.show')

// Signed in
router
  .group(() => {
    router.post('/logout', [SessionController, 'destroy']).as('logout')
    router.get('/verify-email', [EmailVerificationController, 'notice']).as('email_verification.notice')
    router.post('/verify-email/resend', [EmailVerificationController, 'resend']).as('email_verification.resend')
    router.post('/invitations/:token/accept', [InvitationsController, 'accept']).as('invitations.accept')

    router.get('/account/profile', [AccountController, 'profile']).as('account.profile')
    router.put('/account/profile', [AccountController, 'updateProfile'])
    router.put('/account/password', [AccountController, 'updatePassword']).as('account.password')
    router.get('/account/security', [SecurityController, 'show']).as('account.security')
    router.post('/account/security/two-factor', [SecurityController, 'beginSetup']).as('two_factor.setup')
    router.post('/account/security/two-factor/confirm', [SecurityController, 'confirm']).as('two_factor.confirm')
    router.delete('/account/security/two-factor', [SecurityController, 'disable']).as('two_factor.disable')
    router.post('/account/security/recovery-codes', [SecurityController, 'regenerateCodes']).as('two_factor.codes')

    router
      .group(() => {
        router.get('/app', [WorkspacesController, 'home']).as('app')
        router.get('/workspaces/new', [WorkspacesController, 'create']).as('workspaces.create')
        router.post('/workspaces', [WorkspacesController, 'store']).as('workspaces.store')

        router
          .group(() => {
            router.get('/', [WorkspacesController, 'dashboard']).as('workspaces.dashboard')
            router.get('/settings', [WorkspacesController, 'settings']).as('workspaces.settings')
            router.put('/settings', [WorkspacesController, 'update'])
            router.get('/members', [MembersController, 'index']).as('members.index')
            router.patch('/members/:id', [MembersController, 'update']).as('members.update')
            router.delete('/members/:id', [MembersController, 'destroy']).as('members.destroy')
            router.post('/invitations', [InvitationsController, 'store']).as('invitations.store')
            router.delete('/invitations/:id', [InvitationsController, 'destroy']).as('invitations.destroy')

            // Governance: the workspace's audit log (owners and privacy staff)
            router.get('/audit', [AuditLogController, 'index']).as('governance.audit')

            // Vault: the workspace's own keys, versions and rotation (owners only)
            router.get('/security/keys', [VaultKeysController, 'show']).as('vault.keys')
            router.post('/security/keys/rotate', [VaultKeysController, 'rotate']).as('vault.keys.rotate')

            // Helpdesk: API tokens and reports (owners and admins)
            router.get('/api-tokens', [ApiTokensController, 'index']).as('helpdesk.api_tokens.index')
            router.post('/api-tokens', [ApiTokensController, 'store']).as('helpdesk.api_tokens.store')
            router.delete('/api-tokens/:id', [ApiTokensController, 'destroy']).as('helpdesk.api_tokens.destroy')
            router.get('/reports', [ReportsController, 'show']).as('helpdesk.reports.show')
            router.get('/reports/export.csv', [ReportsController, 'exportCsv']).as('helpdesk.reports.export')
            router.post('/reports/saved', [SavedReportsController, 'store']).as('helpdesk.reports.saved.store')
            router.delete('/reports/saved/:id', [SavedReportsController, 'destroy']).as('helpdesk.reports.saved.destroy')

            // Helpdesk: inbox and tickets (every role reads; owners, admins and agents work; see HelpdeskPolicy)
            router.get('/inbox', [InboxController, 'index']).as('helpdesk.inbox')
            router.get('/inbox/:id', [InboxController, 'show']).as('helpdesk.inbox.show')
            router.post('/tickets', [TicketsController, 'store']).as('helpdesk.tickets.store')
            router.post('/tickets/bulk', [TicketsController, 'bulk']).as('helpdesk.tickets.bulk')
            router.patch('/tickets/:id', [TicketsController, 'update']).as('helpdesk.tickets.update')
            router.post('/tickets/:id/messages', [TicketMessagesController, 'store']).as('helpdesk.messages.store')
            router.get('/tickets/:id/attachments/:attachmentId', [TicketMessagesController, 'attachment']).as('helpdesk.attachments.show')
            router.get('/tickets/:id/canned-replies/:replyId', [CannedRepliesController, 'render']).as('helpdesk.canned_replies.render')
            // Helpdesk: contacts and incidents
            router.get('/contacts', [ContactsController, 'index']).as('helpdesk.contacts.index')
            router.post('/contacts', [ContactsController, 'store']).as('helpdesk.contacts.store')
            router.get('/contacts/:id', [ContactsController, 'show']).as('helpdesk.contacts.show')
            router.put('/contacts/:id', [ContactsController, 'update']).as('helpdesk.contacts.update')
            router.post('/contacts/:id/merge', [ContactsController, 'merge']).as('helpdesk.contacts.merge')
            router.get('/incidents', [IncidentsController, 'index']).as('helpdesk.incidents.index')
            router.post('/incidents', [IncidentsController, 'store']).as('helpdesk.incidents.store')
            router.get('/incidents/:id', [IncidentsController, 'show']).as('helpdesk.incidents.show')
            router.post('/incidents/:id/tickets', [IncidentsController, 'link']).as('helpdesk.incidents.link')
            router.post('/incidents/:id/updates', [IncidentsController, 'postUpdate']).as('helpdesk.incidents.updates')
            // Helpdesk settings (owners and admins)
            router.get('/helpdesk/settings', [HelpdeskSettingsController, 'show']).as('helpdesk.settings')
            router.put('/helpdesk/settings/csat', [HelpdeskSettingsController, 'updateCsat']).as('helpdesk.settings.csat')
            router.post('/helpdesk/tags', [HelpdeskDefinitionsController, 'saveTag']).as('helpdesk.tags.store')
            router.put('/helpdesk/tags/:id', [HelpdeskDefinitionsController, 'saveTag']).as('helpdesk.tags.update')
            router.delete('/helpdesk/tags/:id', [HelpdeskDefinitionsController, 'deleteTag']).as('helpdesk.tags.destroy')
            router.post('/helpdesk/teams', [HelpdeskDefinitionsController, 'saveTeam']).as('helpdesk.teams.store')
            router.put('/helpdesk/teams/:id', [HelpdeskDefinitionsController, 'saveTeam']).as('helpdesk.teams.update')
            router.delete('/helpdesk/teams/:id', [HelpdeskDefinitionsController, 'deleteTeam']).as('helpdesk.teams.destroy')
            router.post('/helpdesk/custom-fields', [HelpdeskDefinitionsController, 'saveCustomField']).as('helpdesk.custom_fields.store')
            router.put('/helpdesk/custom-fields/:id', [HelpdeskDefinitionsController, 'saveCustomField']).as('helpdesk.custom_fields.update')
            router.delete('/helpdesk/custom-fields/:id', [HelpdeskDefinitionsController, 'deleteCustomField']).as('helpdesk.custom_fields.destroy')
            router.post('/helpdesk/canned-replies', [HelpdeskDefinitionsController, 'saveCannedReply']).as('helpdesk.canned_replies.store')
            router.put('/helpdesk/canned-replies/:id', [HelpdeskDefinitionsController, 'saveCannedReply']).as('helpdesk.canned_replies.update')
            router.delete('/helpdesk/canned-replies/:id', [HelpdeskDefinitionsController, 'deleteCannedReply']).as('helpdesk.canned_replies.destroy')
          })
          .prefix('/w/:workspace')
          .use(middleware.workspace())
      })
      .use(middleware.verified())
  })
  .use(middleware.auth())

router.get('/dev/mailbox', [DevMailboxController, 'index']).as('dev.mailbox').use(middleware.devOnly())

// Helpdesk: the public satisfaction-survey pages reached from the CSAT mail (signed, single-use links)
router.get('/csat/thanks', [CsatController, 'thanks']).as('helpdesk.csat.thanks')
router.get('/csat/:token/:score', [CsatController, 'rate']).as('helpdesk.csat.rate')
router.post('/csat/:token/comment', [CsatController, 'comment']).as('helpdesk.csat.comment')

// Realtime (server-sent events, @adonisjs/transmit) for every module: signed-in users only;
// each private channel authorises its subscribers (helpdesk: members of the workspace).
transmit.registerRoutes((route) => route.use(middleware.auth()))
authorizeInboxChannels()

/*
| Helpdesk REST API (docs/api.md): bearer tokens of a workspace's API clients.
| Each route names the scope it needs; the OpenAPI document lists every route
| here (a test keeps the two in step).
*/
router
  .group(() => {
    router.get('/openapi.json', [ApiOpenApiController, 'show']).as('api.openapi')

    router.get('/contacts', [ApiContactsController, 'index']).use(middleware.apiToken({ scope: 'contacts:read' }))
    router.post('/contacts', [ApiContactsController, 'store']).use(middleware.apiToken({ scope: 'contacts:write' }))
    router.get('/contacts/:id', [ApiContactsController, 'show']).use(middleware.apiToken({ scope: 'contacts:read' }))
    router.patch('/contacts/:id', [ApiContactsController, 'update']).use(middleware.apiToken({ scope: 'contacts:write' }))

    router.get('/tickets', [ApiTicketsController, 'index']).use(middleware.apiToken({ scope: 'tickets:read' }))
    router.post('/tickets', [ApiTicketsController, 'store']).use(middleware.apiToken({ scope: 'tickets:write' }))
    router.get('/tickets/:id', [ApiTicketsController, 'show']).use(middleware.apiToken({ scope: 'tickets:read' }))
    router.patch('/tickets/:id', [ApiTicketsController, 'update']).use(middleware.apiToken({ scope: 'tickets:write' }))
    router.get('/tickets/:id/messages', [ApiTicketMessagesController, 'index']).use(middleware.apiToken({ scope: 'tickets:read' }))
    router.post('/tickets/:id/messages', [ApiTicketMessagesController, 'store']).use(middleware.apiToken({ scope: 'tickets:write' }))
  })
  .prefix('/api/v1')

// Each later module keeps its routes in its own file
import '#start/routes/privacy'
import '#start/routes/governance'
import '#start/routes/knowledge'
import '#start/routes/channels'
import '#start/routes/billing'
