/** Shapes of the props every page receives (mirrors the server's DTOs). */
export type Role = 'owner' | 'admin' | 'agent' | 'privacy'

export interface CurrentUser {
  id: string
  fullName: string
  email: string
  emailVerified: boolean
  hasTwoFactor: boolean
  isOperator: boolean
}

export interface WorkspaceSummary {
  id: string
  name: string
  slug: string
  role: Role
}

export interface SharedProps {
  currentUser: CurrentUser | null
  workspaces: WorkspaceSummary[]
  currentWorkspace: WorkspaceSummary | null
  errors: Record<string, string>
  [key: string]: unknown
}

export interface Pagination {
  page: number
  lastPage: number
  perPage: number
  total: number
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  agent: 'Agent',
  privacy: 'Privacy staff',
}
