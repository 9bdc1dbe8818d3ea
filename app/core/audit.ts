/**
 * The vocabulary modules use to report administrative and security actions
 * to the audit log. Modules emit; governance records (hash-chained), filling
 * in the actor and a keyed hash of the IP from the current request. Metadata
 * carries ids, roles and flags — never names, emails or content.
 */
import emitter from '@adonisjs/core/services/emitter'

export type AuditMetadata = Record<string, string | number | boolean | null>

export interface AuditEvent {
  /** Dotted verb, e.g. 'member.role_changed', 'auth.login_failed'. */
  action: string
  /** null for platform-level events (sign-in, account security). */
  workspaceId: string | null
  targetType?: string
  targetId?: string | null
  metadata?: AuditMetadata
  /** Defaults to the signed-in user of the current request, else 'system'. */
  actor?: { type: 'user' | 'operator' | 'system' | 'api'; id: string | null }
}

declare module '@adonisjs/core/types' {
  interface EventsList {
    audit: AuditEvent
  }
}

/** Reports an action to the audit log. Awaited so a failing log fails loudly. */
export function audit(event: AuditEvent) {
  return emitter.emit('audit', event)
}
