import { declarePersonalData, notPersonal, personal } from '#core/personal_data'

const accountData = {
  subject: 'workspace_user',
  purpose: 'Provide the service: accounts, sign-in and workspace membership',
  legalBasis: 'contract',
  retention: 'account_data',
} as const

const securityData = {
  subject: 'workspace_user',
  purpose: 'Secure the service: sign-in, two-factor and one-time links',
  legalBasis: 'legitimate_interest',
} as const

export const identityPersonalData = declarePersonalData({
  module: 'identity',
  tables: [
    {
      table: 'users',
      description: 'Workspace users (owners, admins, agents, privacy staff) and platform operators',
      columns: {
        id: notPersonal('surrogate key'),
        email: personal({ ...accountData, category: 'contact_details', erasure: 'anonymize', exported: true }),
        full_name: personal({ ...accountData, category: 'identity', erasure: 'anonymize', exported: true }),
        password: personal({
          ...securityData,
          category: 'credentials',
          retention: 'account_data',
          erasure: 'anonymize',
          exported: false,
          protectedAtRest: 'hashed',
        }),
        email_verified_at: personal({ ...accountData, category: 'account', erasure: 'delete', exported: true }),
        totp_secret: personal({
          ...securityData,
          category: 'credentials',
          retention: 'account_data',
          erasure: 'delete',
          exported: false,
          protectedAtRest: 'encrypted',
        }),
        totp_enabled_at: personal({ ...securityData, category: 'security', retention: 'account_data', erasure: 'delete', exported: true }),
        totp_last_step: notPersonal('replay guard: the time step of the last TOTP code used'),
        is_operator: notPersonal('platform role flag'),
        last_workspace_id: notPersonal('navigation preference (foreign key)'),
        created_at: personal({ ...accountData, category: 'account', erasure: 'retain_legal_basis', exported: true }),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'workspaces',
      description: 'Tenants: one per customer organisation',
      columns: {
        id: notPersonal('surrogate key'),
        name: notPersonal('organisation name'),
        slug: notPersonal('organisation address'),
        timezone: notPersonal('organisation setting'),
        closed_at: notPersonal('lifecycle timestamp of the organisation'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'memberships',
      description: 'Which user belongs to which workspace, with what role',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        user_id: personal({ ...accountData, category: 'account', erasure: 'delete', exported: true }),
        role: personal({ ...accountData, category: 'account', erasure: 'delete', exported: true }),
        created_at: personal({ ...accountData, category: 'account', erasure: 'delete', exported: true }),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'invitations',
      description: 'Pending and past invitations to join a workspace',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        email: personal({ ...accountData, category: 'contact_details', retention: 'invitation', erasure: 'delete', exported: true }),
        role: notPersonal('offered role'),
        token_hash: personal({
          ...securityData,
          category: 'credentials',
          retention: 'invitation',
          erasure: 'delete',
          exported: false,
          protectedAtRest: 'hashed',
        }),
        invited_by_id: personal({ ...accountData, category: 'account', retention: 'invitation', erasure: 'anonymize', exported: true }),
        expires_at: notPersonal('link expiry'),
        accepted_at: notPersonal('link state'),
        revoked_at: notPersonal('link state'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'user_tokens',
      description: 'One-time email verification and password reset tokens (hashed)',
      columns: {
        id: notPersonal('surrogate key'),
        user_id: personal({ ...securityData, category: 'security', retention: 'one_time_token', erasure: 'delete', exported: false }),
        purpose: notPersonal('token kind'),
        token_hash: personal({
          ...securityData,
          category: 'credentials',
          retention: 'one_time_token',
          erasure: 'delete',
          exported: false,
          protectedAtRest: 'hashed',
        }),
        expires_at: notPersonal('link expiry'),
        used_at: notPersonal('link state'),
        created_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'recovery_codes',
      description: 'Two-factor recovery codes (hashed, single use)',
      columns: {
        id: notPersonal('surrogate key'),
        user_id: personal({ ...securityData, category: 'security', retention: 'account_data', erasure: 'delete', exported: false }),
        code_hash: personal({
          ...securityData,
          category: 'credentials',
          retention: 'account_data',
          erasure: 'delete',
          exported: false,
          protectedAtRest: 'hashed',
        }),
        used_at: notPersonal('code state'),
        created_at: notPersonal('row timestamp'),
      },
    },
  ],
})

// Platform-level data-subject requests reach users' rows through this provider (app/core/subject_data.ts).
import '#identity/privacy_provider'
