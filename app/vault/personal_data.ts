import { declarePersonalData, notPersonal, personal } from '#core/personal_data'

/**
 * Key material is not personal data: every key column holds keys wrapped by
 * a higher key (never a key in clear), and no key reveals anything about a
 * person. The subject ids on subject keys and destruction records are
 * pseudonymous references kept to prove, and re-apply, an erasure.
 */
const erasureProof = {
  category: 'security',
  subject: 'contact',
  purpose: 'Prove and re-apply crypto-shredding: the subject (contact or workspace user, see subject_type) whose key was destroyed',
  legalBasis: 'legal_obligation',
  retention: 'key_destruction_ledger',
  erasure: 'retain_legal_basis',
  exported: false,
} as const

export const vaultPersonalData = declarePersonalData({
  module: 'vault',
  tables: [
    {
      table: 'vault_keys',
      description: 'Workspace and platform data keys (DEKs, versioned) and blind-index keys, wrapped by the KEK',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('key scope (NULL: platform)'),
        purpose: notPersonal('data or index key'),
        version: notPersonal('key version'),
        kek_version: notPersonal('version of the KEK that wraps it'),
        wrapped_key: notPersonal('key material, wrapped by the KEK; erased when destroyed'),
        status: notPersonal('active, retired or destroyed'),
        created_at: notPersonal('row timestamp'),
        retired_at: notPersonal('rotation timestamp'),
        destroyed_at: notPersonal('destruction timestamp'),
      },
    },
    {
      table: 'vault_subject_keys',
      description: 'One key per data subject (contact or workspace user), wrapped by the scope DEK',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('key scope (NULL: platform)'),
        subject_type: notPersonal('kind of subject'),
        subject_id: personal(erasureProof),
        version: notPersonal('key version'),
        dek_version: notPersonal('version of the DEK that wraps it'),
        wrapped_key: notPersonal('key material, wrapped by the DEK; erased when the subject is shredded'),
        created_at: notPersonal('row timestamp'),
        destroyed_at: notPersonal('destruction timestamp'),
      },
    },
    {
      table: 'vault_key_rotations',
      description: 'DEK rotations (re-encryption progress) and KEK rewraps',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('key scope (NULL: platform or every scope)'),
        kind: notPersonal('dek or kek'),
        from_version: notPersonal('key version'),
        to_version: notPersonal('key version'),
        status: notPersonal('progress state'),
        processed: notPersonal('counter'),
        total: notPersonal('counter'),
        cursor: notPersonal('resume position: a table name and a row id'),
        error: notPersonal('failure message (never a value)'),
        started_at: notPersonal('timestamp'),
        finished_at: notPersonal('timestamp'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'vault_key_destructions',
      description: 'Key-destruction ledger (database copy; the hash-chained file at VAULT_LEDGER_PATH survives restores)',
      columns: {
        id: notPersonal('surrogate key'),
        sequence: notPersonal('ledger position'),
        workspace_id: notPersonal('key scope (NULL: platform)'),
        target: notPersonal('workspace or subject'),
        subject_type: notPersonal('kind of subject'),
        subject_id: personal(erasureProof),
        reason: notPersonal('reason code'),
        destroyed_at: notPersonal('destruction timestamp'),
        prev_hash: notPersonal('hash chain'),
        entry_hash: notPersonal('hash chain'),
      },
    },
  ],
})
