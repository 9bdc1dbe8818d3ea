/*
| Routes. Workspace pages live under /w/:workspace (a slug) and go through
| the `workspace` middleware, which answers 404 to non-members.
*/
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

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
const AuditLogController = () => import('#governance/controllers/audit_log_controller')
const VaultKeysController = () => import('#vault/controllers/keys_controller')

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
          })
          .prefix('/w/:workspace')
          .use(middleware.workspace())
      })
      .use(middleware.verified())
  })
  .use(middleware.auth())

router.get('/dev/mailbox', [DevMailboxController, 'index']).as('dev.mailbox').use(middleware.devOnly())
