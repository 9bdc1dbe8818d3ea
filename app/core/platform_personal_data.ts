import { declarePersonalData, notPersonal, personal } from '#core/personal_data'

/**
 * Framework tables shared by all modules. The pg-boss schema is declared as a
 * whole in catalog_check.ts: job payloads carry record ids, never content.
 */
export const platformPersonalData = declarePersonalData({
  module: 'platform',
  tables: [
    {
      table: 'sessions',
      description: 'Server-side sessions of signed-in users',
      columns: {
        id: personal({
          category: 'security',
          subject: 'workspace_user',
          purpose: 'Keep users signed in',
          legalBasis: 'contract',
          retention: 'session',
          erasure: 'delete',
          exported: false,
          protectedAtRest: 'hashed',
        }),
        data: personal({
          category: 'security',
          subject: 'workspace_user',
          purpose: 'Keep users signed in',
          legalBasis: 'contract',
          retention: 'session',
          erasure: 'delete',
          exported: false,
        }),
        user_id: personal({
          category: 'security',
          subject: 'workspace_user',
          purpose: 'List and end a user’s sessions',
          legalBasis: 'contract',
          retention: 'session',
          erasure: 'delete',
          exported: false,
        }),
        expires_at: notPersonal('expiry'),
      },
    },
    {
      table: 'rate_limits',
      description: 'Rate-limit counters keyed by HMAC of email/IP (never in clear)',
      columns: {
        key: personal({
          category: 'technical',
          subject: 'workspace_user',
          purpose: 'Protect sign-in and forms from abuse',
          legalBasis: 'legitimate_interest',
          retention: 'rate_limit_window',
          erasure: 'delete',
          exported: false,
          protectedAtRest: 'keyed_hash',
        }),
        points: notPersonal('counter'),
        expire: notPersonal('expiry'),
      },
    },
    {
      table: 'adonis_schema',
      description: 'Applied migrations',
      columns: {
        id: notPersonal(),
        name: notPersonal(),
        batch: notPersonal(),
        migration_time: notPersonal(),
      },
    },
    {
      table: 'adonis_schema_versions',
      description: 'Migration table version',
      columns: { version: notPersonal() },
    },
  ],
})
