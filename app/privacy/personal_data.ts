import { declarePersonalData, notPersonal, personal } from '#core/personal_data'

/**
 * The privacy desk's own tables. A request is proof of how a right was
 * honoured, so its facts are kept (legal obligation); the requester's email
 * and the notes are sealed with the request's own subject key, shredded at
 * the end of an erasure request, so the proof outlives the identifiers.
 */
const requestProof = {
  subject: 'contact',
  purpose: 'Answer data-subject requests and prove how they were answered',
  legalBasis: 'legal_obligation',
  retention: 'privacy_request',
} as const

const requestFact = personal({ ...requestProof, category: 'consent', erasure: 'retain_legal_basis', exported: true })
const sealedRequestValue = personal({ ...requestProof, category: 'contact_details', erasure: 'crypto_shred', exported: true, protectedAtRest: 'encrypted' })
const staffLink = personal({
  subject: 'workspace_user',
  purpose: 'Know which staff member handled a request',
  legalBasis: 'legal_obligation',
  retention: 'privacy_request',
  category: 'account',
  erasure: 'anonymize',
  exported: false,
})
const oneTimeToken = personal({ ...requestProof, category: 'security', erasure: 'delete', exported: false, protectedAtRest: 'hashed' })

export const privacyPersonalData = declarePersonalData({
  module: 'privacy',
  tables: [
    {
      table: 'privacy_settings',
      description: 'Per-workspace privacy desk settings (response target, default regime)',
      columns: {
        workspace_id: notPersonal('primary key (workspace)'),
        target_days: notPersonal('setting'),
        default_regime: notPersonal('setting'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'privacy_requests',
      description: 'Data-subject requests (workspace contacts, or workspace users asking the platform when workspace_id is NULL)',
      columns: {
        id: notPersonal('surrogate key (also the request’s subject-key id)'),
        workspace_id: notPersonal('foreign key (NULL: platform request)'),
        key_scope: notPersonal('vault key scope'),
        type: requestFact,
        regime: requestFact,
        status: requestFact,
        subject_type: notPersonal('kind of subject'),
        requester_user_id: personal({ ...requestProof, subject: 'workspace_user', category: 'account', erasure: 'retain_legal_basis', exported: true }),
        subject_contact_id: personal({ ...requestProof, category: 'identity', erasure: 'anonymize', exported: false }),
        email: sealedRequestValue,
        email_index: personal({ ...requestProof, category: 'contact_details', erasure: 'delete', exported: false, protectedAtRest: 'keyed_hash' }),
        details: sealedRequestValue,
        extra_identifiers: sealedRequestValue,
        verification_token_hash: oneTimeToken,
        verification_expires_at: notPersonal('link expiry'),
        verified_via: requestFact,
        verified_at: requestFact,
        status_token_hash: oneTimeToken,
        received_at: requestFact,
        acknowledge_by: notPersonal('deadline'),
        acknowledged_at: requestFact,
        due_at: requestFact,
        extended_due_at: requestFact,
        extension_reason: notPersonal('staff’s reason for an extension (about the workload, not the person)'),
        assignee_user_id: staffLink,
        blocked_reason: notPersonal('why an erasure is blocked (legal hold reference)'),
        rejection_reason: requestFact,
        merged_count: notPersonal('counter'),
        completed_at: requestFact,
        rejected_at: requestFact,
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'privacy_request_events',
      description: 'The trail of a request: every step, note and rectification (notes sealed with the request’s key)',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        key_scope: notPersonal('vault key scope'),
        request_id: notPersonal('foreign key (request)'),
        actor_type: notPersonal('who acted'),
        actor_user_id: staffLink,
        action: notPersonal('what was done'),
        note: sealedRequestValue,
        metadata: notPersonal('ids, counts and enum values only'),
        created_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'privacy_exports',
      description: 'Export archives (ZIP sealed by the vault on the drive disk), downloadable once',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        request_id: notPersonal('foreign key (request)'),
        storage_key: notPersonal('disk path made of ids (content sealed)'),
        size_bytes: notPersonal('file size'),
        record_count: notPersonal('counter'),
        download_token_hash: oneTimeToken,
        expires_at: notPersonal('link expiry'),
        downloaded_at: notPersonal('link state'),
        created_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'privacy_certificates',
      description: 'Signed erasure certificates: request id, timestamps, categories and counts, key ids (never content)',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        request_id: notPersonal('foreign key (request)'),
        payload: notPersonal('categories, row counts, key ids and timestamps only'),
        signature: notPersonal('Ed25519 signature'),
        public_key: notPersonal('platform signing public key'),
        created_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'privacy_recipient_tasks',
      description: 'GDPR Art. 19: one task per recipient to notify of an erasure or rectification',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        request_id: notPersonal('foreign key (request)'),
        recipient_name: notPersonal('subprocessor or integration name'),
        recipient_kind: notPersonal('kind of recipient'),
        purpose: notPersonal('why the recipient received data'),
        status: notPersonal('open or done'),
        completed_by_user_id: staffLink,
        completed_at: notPersonal('task timestamp'),
        created_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'privacy_signing_keys',
      description: 'The platform’s Ed25519 key for erasure certificates (secret half sealed by the vault, platform scope)',
      columns: {
        id: notPersonal('surrogate key'),
        public_key: notPersonal('public key'),
        secret_key: notPersonal('signing key, sealed by the vault'),
        created_at: notPersonal('row timestamp'),
      },
    },
  ],
})
