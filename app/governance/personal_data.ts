import { declarePersonalData, notPersonal, personal } from '#core/personal_data'
import '#governance/retention_targets'
import '#governance/services/subject_hooks'

const securityLog = {
  subject: 'workspace_user',
  purpose: 'Secure the service and prove who did what (audit log)',
  legalBasis: 'legitimate_interest',
  retention: 'security_log',
} as const

const staffAction = {
  subject: 'workspace_user',
  purpose: 'Know who changed a governance setting',
  legalBasis: 'legitimate_interest',
  retention: 'account_data',
} as const

const operatorAction = { ...staffAction, subject: 'operator', purpose: 'Know which operator changed the platform registry' } as const

const legalHold = {
  subject: 'workspace_user',
  purpose: 'Preserve records under a legal hold (litigation, investigation)',
  legalBasis: 'legal_obligation',
  retention: 'legal_hold',
} as const

const notices = {
  subject: 'workspace_user',
  purpose: 'Notify owners of subprocessor and policy changes and record their objections (GDPR Art. 28(2))',
  legalBasis: 'legal_obligation',
  retention: 'account_data',
} as const

/** Proof of consent must outlive a withdrawal or an erasure request (GDPR Art. 7(1)). */
const consentProof = {
  subject: 'contact',
  purpose: 'Prove consent was given or withdrawn (GDPR Art. 7(1))',
  legalBasis: 'legal_obligation',
  retention: 'consent_proof',
  erasure: 'retain_legal_basis',
} as const

export const governancePersonalData = declarePersonalData({
  module: 'governance',
  tables: [
    {
      table: 'audit_entries',
      description: 'Append-only, hash-chained log of administrative, operator and security actions',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('chain (tenant)'),
        sequence: notPersonal('position in the chain'),
        actor_type: notPersonal('kind of actor'),
        actor_id: personal({ ...securityLog, category: 'security', erasure: 'retain_legal_basis', exported: true }),
        action: notPersonal('what was done'),
        target_type: notPersonal('kind of target'),
        target_id: personal({ ...securityLog, category: 'security', erasure: 'retain_legal_basis', exported: true }),
        metadata: notPersonal('ids, roles and flags only, by contract of #core/audit'),
        ip_hash: personal({
          ...securityLog,
          category: 'technical',
          erasure: 'retain_legal_basis',
          exported: false,
          protectedAtRest: 'keyed_hash',
        }),
        occurred_at: notPersonal('timestamp'),
        prev_hash: notPersonal('chain link'),
        hash: notPersonal('chain link'),
      },
    },
    {
      table: 'retention_rules',
      description: "A workspace's own period for a retention rule (defaults live in code)",
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('tenant'),
        rule_key: notPersonal('rule'),
        days: notPersonal('period'),
        enabled: notPersonal('flag'),
        updated_by_user_id: personal({ ...staffAction, category: 'account', erasure: 'anonymize', exported: false }),
        created_at: notPersonal('timestamp'),
        updated_at: notPersonal('timestamp'),
      },
    },
    {
      table: 'retention_runs',
      description: 'Each retention run: counts per target, skipped rules, resume cursor',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('tenant'),
        trigger: notPersonal('schedule or manual'),
        status: notPersonal('state'),
        counts: notPersonal('row counts per target'),
        skipped: notPersonal('rule keys and fixed reasons'),
        cursor: notPersonal('target key in progress'),
        error: notPersonal('error class name only'),
        attempts: notPersonal('counter'),
        started_at: notPersonal('timestamp'),
        finished_at: notPersonal('timestamp'),
      },
    },
    {
      table: 'legal_holds',
      description: 'Legal holds on a contact, a ticket or the whole workspace',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('tenant'),
        scope: notPersonal('kind of target'),
        target_id: personal({ ...legalHold, subject: 'contact', category: 'account', erasure: 'retain_legal_basis', exported: true }),
        reason: personal({ ...legalHold, subject: 'contact', category: 'account', erasure: 'retain_legal_basis', exported: false, protectedAtRest: 'encrypted' }),
        placed_by_user_id: personal({ ...legalHold, category: 'account', erasure: 'retain_legal_basis', exported: false }),
        placed_at: notPersonal('timestamp'),
        released_by_user_id: personal({ ...legalHold, category: 'account', erasure: 'retain_legal_basis', exported: false }),
        released_at: notPersonal('timestamp'),
        release_reason: personal({ ...legalHold, subject: 'contact', category: 'account', erasure: 'retain_legal_basis', exported: false, protectedAtRest: 'encrypted' }),
      },
    },
    {
      table: 'workspace_closures',
      description: 'Closed workspaces: restore window and purge',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('tenant (kept after the purge as proof)'),
        closed_by_user_id: personal({ ...staffAction, category: 'account', erasure: 'anonymize', exported: false }),
        closed_at: notPersonal('timestamp'),
        purge_after: notPersonal('timestamp'),
        restored_at: notPersonal('timestamp'),
        purged_at: notPersonal('timestamp'),
      },
    },
    {
      table: 'subprocessors',
      description: 'Platform registry of subprocessors (public page and feed)',
      columns: {
        id: notPersonal('surrogate key'),
        name: notPersonal('company'),
        legal_entity: notPersonal('company'),
        country: notPersonal('company'),
        category: notPersonal('company'),
        purpose: notPersonal('company'),
        region: notPersonal('company'),
        transfer_mechanism: notPersonal('company'),
        processes_workspace_data: notPersonal('flag'),
        announced_at: notPersonal('timestamp'),
        effective_at: notPersonal('timestamp'),
        retired_at: notPersonal('timestamp'),
        created_by_user_id: personal({ ...operatorAction, category: 'account', erasure: 'anonymize', exported: false }),
        created_at: notPersonal('timestamp'),
        updated_at: notPersonal('timestamp'),
      },
    },
    {
      table: 'subprocessor_subscriptions',
      description: 'Members who asked for subprocessor and policy notices',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('tenant'),
        user_id: personal({ ...notices, category: 'contact_details', erasure: 'delete', exported: true }),
        created_at: notPersonal('timestamp'),
      },
    },
    {
      table: 'subprocessor_objections',
      description: "Owners' objections to new subprocessors",
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('tenant'),
        subprocessor_id: notPersonal('foreign key'),
        user_id: personal({ ...notices, category: 'account', erasure: 'anonymize', exported: true }),
        reason: personal({ ...notices, category: 'account', erasure: 'anonymize', exported: true, protectedAtRest: 'encrypted' }),
        created_at: notPersonal('timestamp'),
      },
    },
    {
      table: 'policy_versions',
      description: 'Privacy policy versions with effective dates',
      columns: {
        id: notPersonal('surrogate key'),
        version: notPersonal('label'),
        title: notPersonal('public text'),
        summary: notPersonal('public text'),
        body: notPersonal('public text'),
        announced_at: notPersonal('timestamp'),
        effective_at: notPersonal('timestamp'),
        created_by_user_id: personal({ ...operatorAction, category: 'account', erasure: 'anonymize', exported: false }),
        created_at: notPersonal('timestamp'),
      },
    },
    {
      table: 'consent_purposes',
      description: 'Purposes a workspace asks consent for',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('tenant'),
        key: notPersonal('purpose key'),
        name: notPersonal('purpose name'),
        created_at: notPersonal('timestamp'),
        updated_at: notPersonal('timestamp'),
      },
    },
    {
      table: 'consent_purpose_versions',
      description: 'Exact consent texts shown, with their SHA-256',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('tenant'),
        purpose_id: notPersonal('foreign key'),
        version: notPersonal('counter'),
        text: notPersonal('text written by the workspace for everyone'),
        text_hash: notPersonal('hash of that text'),
        created_at: notPersonal('timestamp'),
      },
    },
    {
      table: 'consent_events',
      description: 'Append-only consent ledger (grants, withdrawals, refusals incl. Global Privacy Control)',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('tenant'),
        subject_type: notPersonal('kind of subject'),
        subject_id: personal({ ...consentProof, category: 'consent', exported: true }),
        purpose_id: notPersonal('foreign key'),
        purpose_version_id: notPersonal('foreign key'),
        decision: personal({ ...consentProof, category: 'consent', exported: true }),
        text_hash: notPersonal('hash of a text shown to everyone'),
        channel: personal({ ...consentProof, category: 'consent', exported: true }),
        gpc: personal({ ...consentProof, category: 'consent', exported: true }),
        ip_hash: personal({ ...consentProof, category: 'technical', exported: false, protectedAtRest: 'keyed_hash' }),
        occurred_at: personal({ ...consentProof, category: 'consent', exported: true }),
      },
    },
    {
      table: 'support_grants',
      description: "Owners' time-limited support-access grants to platform operators",
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('tenant'),
        granted_by_user_id: personal({ ...securityLog, category: 'security', erasure: 'retain_legal_basis', exported: true }),
        hours: notPersonal('duration'),
        starts_at: notPersonal('timestamp'),
        expires_at: notPersonal('timestamp'),
        revoked_at: notPersonal('timestamp'),
        revoked_by_user_id: personal({ ...securityLog, category: 'security', erasure: 'retain_legal_basis', exported: true }),
        created_at: notPersonal('timestamp'),
      },
    },
  ],
})
