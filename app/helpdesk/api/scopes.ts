/** What an API token may do. Messages belong to tickets, so they use the ticket scopes. */
export const API_SCOPES = ['contacts:read', 'contacts:write', 'tickets:read', 'tickets:write'] as const
export type ApiScope = (typeof API_SCOPES)[number]

export const API_SCOPE_LABELS: Record<ApiScope, string> = {
  'contacts:read': 'Read contacts',
  'contacts:write': 'Create and update contacts',
  'tickets:read': 'Read tickets and their messages',
  'tickets:write': 'Create and update tickets, add messages',
}

/** Token lifetimes offered on the admin page: every token expires. */
export const TOKEN_LIFETIMES_DAYS = [7, 30, 90, 365] as const

/** The prefix makes leaked tokens recognisable by secret scanners. */
export const TOKEN_PREFIX = 'vd_live_'
