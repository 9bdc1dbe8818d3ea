/** Bouncer policies of every module, loaded lazily. */
export const policies = {
  WorkspacePolicy: () => import('#identity/policies/workspace_policy'),
}
