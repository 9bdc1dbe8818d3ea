import { createHash } from 'node:crypto'
import type { AuditMetadata } from '#core/audit'

/** The hash that starts every chain. */
export const GENESIS_HASH = '0'.repeat(64)

export interface ChainedFields {
  workspaceId: string | null
  sequence: number
  actorType: string
  actorId: string | null
  action: string
  targetType: string | null
  targetId: string | null
  metadata: AuditMetadata
  ipHash: string | null
  occurredAt: string
  prevHash: string
}

function canonical(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])])
    )
  }
  return value
}

/** SHA-256 over the entry's fields in a fixed order, linked to the previous entry's hash. */
export function entryHash(fields: ChainedFields) {
  const payload = JSON.stringify([
    fields.prevHash,
    fields.workspaceId,
    fields.sequence,
    fields.actorType,
    fields.actorId,
    fields.action,
    fields.targetType,
    fields.targetId,
    canonical(fields.metadata),
    fields.ipHash,
    fields.occurredAt,
  ])
  return createHash('sha256').update(payload).digest('hex')
}
