/** Workspace roles, most powerful first. */
export const ROLES = ['owner', 'admin', 'agent', 'privacy'] as const
export type Role = (typeof ROLES)[number]

/** Roles an admin may grant; only owners can create owners. */
export const ROLES_ADMINS_CAN_GRANT: Role[] = ['admin', 'agent', 'privacy']

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  agent: 'Agent',
  privacy: 'Privacy staff',
}
