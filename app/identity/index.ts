/**
 * Public face of the identity module: other modules import only from here.
 */
export { default as User } from '#identity/models/user'
export { default as Workspace } from '#identity/models/workspace'
export { default as Membership } from '#identity/models/membership'
export { ROLES, ROLE_LABELS, type Role } from '#identity/roles'
export { resolveWorkspaceMembership } from '#identity/actions/resolve_workspace_membership'
export { default as SetWorkspaceClosed } from '#identity/actions/set_workspace_closed'
export { default as WorkspacePolicy } from '#identity/policies/workspace_policy'
export { identityPersonalData } from '#identity/personal_data'
