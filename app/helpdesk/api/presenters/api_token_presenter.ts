import { DateTime } from 'luxon'
import type ApiClient from '#helpdesk/api/models/api_client'
import { API_SCOPES, type ApiScope } from '#helpdesk/api/scopes'

export interface ApiTokenRow {
  tokenable_id: string
  abilities: string
  last_used_at: Date | null
  expires_at: Date | null
}

export type ApiTokenStatus = 'active' | 'expired' | 'revoked'

export interface ApiTokenDto {
  id: string
  name: string
  scopes: string[]
  lastFour: string
  status: ApiTokenStatus
  createdAt: string
  createdBy: string | null
  lastUsedAt: string | null
  expiresAt: string | null
  revokedAt: string | null
}

const iso = (value: Date | null) => (value ? DateTime.fromJSDate(value).toISO() : null)

/** What the token list shows: never the secret or its hash, only its last four characters. */
export function apiTokenDto(client: ApiClient, token: ApiTokenRow | undefined, createdBy: string | null): ApiTokenDto {
  const expired = Boolean(token?.expires_at && token.expires_at <= new Date())
  return {
    id: client.id,
    name: client.name ?? '(unreadable)',
    scopes: token ? (JSON.parse(token.abilities) as string[]).sort((a, b) => API_SCOPES.indexOf(a as ApiScope) - API_SCOPES.indexOf(b as ApiScope)) : [],
    lastFour: `…${client.tokenLastFour}`,
    status: client.revokedAt ? 'revoked' : expired || !token ? 'expired' : 'active',
    createdAt: client.createdAt.toISO()!,
    createdBy,
    lastUsedAt: iso(token?.last_used_at ?? null),
    expiresAt: client.revokedAt ? null : iso(token?.expires_at ?? null),
    revokedAt: client.revokedAt?.toISO() ?? null,
  }
}
