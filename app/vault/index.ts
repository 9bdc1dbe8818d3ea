/**
 * Public face of the vault: encrypted columns, blind indexes, secrets,
 * key management actions and errors. Other modules import only from here.
 * Usage: docs/vault.md.
 */
export { withEncryption, encrypted, blindIndex } from '#vault/orm/with_encryption'
export { openRawRows } from '#vault/orm/open_rows'
export type { EncryptionOptions } from '#vault/orm/metadata'
export { blindIndexFor, normalizeForBlindIndex, type BlindIndexKind } from '#vault/services/blind_index'
export { secrets, type SecretContext } from '#vault/services/secrets'
export { registerEncryptedColumn, encryptedColumns, type EncryptedColumn } from '#vault/services/registry'
export { PLATFORM_SCOPE, type ScopeId } from '#vault/services/scope'
export { keyStore, type Subject } from '#vault/services/key_store'
export type { KeyProvider, WrappedKey } from '#vault/services/key_provider'
export { LocalKeyringProvider } from '#vault/services/key_provider'
export { KeyDestroyedError, DecryptionError, KeyringError } from '#vault/errors'

export { default as EnsureWorkspaceKeys } from '#vault/actions/ensure_workspace_keys'
export { default as StartKeyRotation, REENCRYPT_JOB } from '#vault/actions/start_key_rotation'
export { default as ReencryptScopeData } from '#vault/actions/reencrypt_scope_data'
export { default as RewrapDataKeys } from '#vault/actions/rewrap_data_keys'
export { default as DestroySubjectKey } from '#vault/actions/destroy_subject_key'
export { default as DestroyWorkspaceKeys } from '#vault/actions/destroy_workspace_keys'
export { default as ReplayDestructions } from '#vault/actions/replay_destructions'
export { default as ScanForPlaintext } from '#vault/actions/scan_for_plaintext'
export { default as DescribeWorkspaceKeys } from '#vault/actions/describe_workspace_keys'
export { default as VaultPolicy } from '#vault/policies/vault_policy'
export { vaultPersonalData } from '#vault/personal_data'
