/** Bouncer policies of every module, loaded lazily. */
export const policies = {
  WorkspacePolicy: () => import('#identity/policies/workspace_policy'),
  VaultPolicy: () => import('#vault/policies/vault_policy'),
  GovernancePolicy: () => import('#governance/policies/governance_policy'),
}
