/**
 * Key scopes. A workspace's data is encrypted under that workspace's keys;
 * workspace users belong to no single workspace, so their secrets use the
 * platform scope. A scope id is a workspace id or the word "platform".
 */
export const PLATFORM_SCOPE = 'platform'

export type ScopeId = string

/** The `workspace_id` stored for a scope (NULL for the platform). */
export function workspaceIdOf(scope: ScopeId): string | null {
  return scope === PLATFORM_SCOPE ? null : scope
}

export function scopeOf(workspaceId: string | null | undefined): ScopeId {
  return workspaceId ?? PLATFORM_SCOPE
}
