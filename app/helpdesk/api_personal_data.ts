import { declarePersonalData, notPersonal, personal } from '#core/personal_data'

/** Tables of the helpdesk REST API (tokens) and reports (saved reports). */
const adminAccount = {
  category: 'account',
  subject: 'workspace_user',
  purpose: 'Show who created or revoked an API token',
  legalBasis: 'legitimate_interest',
  retention: 'account_data',
  erasure: 'anonymize',
  exported: true,
} as const

export const helpdeskApiPersonalData = declarePersonalData({
  module: 'helpdesk_api',
  tables: [
    {
      table: 'api_clients',
      description: 'API clients of a workspace (one per access token): integrations, not people',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        name: notPersonal('label of an integration, typed by an admin; encrypted as free text'),
        token_last_four: notPersonal('last four characters of a random token, to recognise it'),
        requests_per_minute: notPersonal('rate limit'),
        created_by_id: personal(adminAccount),
        revoked_at: notPersonal('token state'),
        revoked_by_id: personal(adminAccount),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'api_access_tokens',
      description: 'Access tokens of API clients (@adonisjs/auth): SHA-256 hash of the secret only',
      columns: {
        id: notPersonal('surrogate key, the public part of a token'),
        workspace_id: notPersonal('foreign key'),
        tokenable_id: notPersonal('foreign key to api_clients'),
        type: notPersonal('token kind'),
        name: notPersonal('unused (the name is on api_clients)'),
        hash: notPersonal('SHA-256 of a random secret (a credential of an integration, not of a person)'),
        abilities: notPersonal('scopes'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
        last_used_at: notPersonal('usage of an integration'),
        expires_at: notPersonal('token expiry'),
      },
    },
    {
      table: 'saved_reports',
      description: 'Report filters a user saved under a name',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        user_id: personal({
          category: 'usage',
          subject: 'workspace_user',
          purpose: 'Keep each user’s saved reports',
          legalBasis: 'contract',
          retention: 'account_data',
          erasure: 'delete',
          exported: true,
        }),
        name: personal({
          category: 'usage',
          subject: 'workspace_user',
          purpose: 'Name a saved report (free text)',
          legalBasis: 'contract',
          retention: 'account_data',
          erasure: 'delete',
          exported: true,
          protectedAtRest: 'encrypted',
        }),
        filters: notPersonal('date range, channel and ids of a team, agent or tag'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
  ],
})
