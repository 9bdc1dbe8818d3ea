import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import VaultKey from '#vault/models/vault_key'
import SubjectKey from '#vault/models/subject_key'
import KeyRotation from '#vault/models/key_rotation'
import { keyStore, whereScope } from '#vault/services/key_store'
import type { ScopeId } from '#vault/services/scope'

export interface DataKeyDto {
  version: number
  status: 'active' | 'retired' | 'destroyed'
  createdAt: string
  retiredAt: string | null
}

export interface RotationDto {
  id: string
  status: 'pending' | 'running' | 'completed' | 'failed'
  fromVersion: number
  toVersion: number
  processed: number
  total: number
  percent: number
  startedAt: string | null
  finishedAt: string | null
  error: string | null
  /** Unfinished and without progress for a while: the worker died; resuming picks it up. */
  stalled: boolean
}

/** What the Keys & encryption page may show: versions and dates, never key material. */
export interface WorkspaceKeysDto {
  keyProvider: string
  kekVersion: number
  dataKeys: DataKeyDto[]
  activeVersion: number | null
  blindIndexKeyCreatedAt: string | null
  subjectKeys: { live: number; destroyed: number }
  lastRotatedAt: string | null
  rotation: RotationDto | null
  history: RotationDto[]
}

const STALLED_AFTER_MINUTES = 2

export default class DescribeWorkspaceKeys {
  async handle(scope: ScopeId): Promise<WorkspaceKeysDto> {
    const provider = keyStore.provider()
    const keys = await whereScope(VaultKey.query(), scope).orderBy('version', 'desc')
    const dataKeys = keys.filter((key) => key.purpose === 'data')
    const { live, destroyed } = await whereScope(db.from(SubjectKey.table), scope)
      .select(db.raw('count(*) filter (where wrapped_key is not null) as live'), db.raw('count(*) filter (where wrapped_key is null) as destroyed'))
      .firstOrFail()
    const rotations = await whereScope(KeyRotation.query(), scope).where('kind', 'dek').orderBy('created_at', 'desc').limit(6)
    const lastCompleted = rotations.find((rotation) => rotation.status === 'completed')
    return {
      keyProvider: provider.description,
      kekVersion: await provider.currentVersion(),
      dataKeys: dataKeys.map((key) => ({
        version: key.version,
        status: key.status,
        createdAt: key.createdAt.toISO()!,
        retiredAt: key.retiredAt?.toISO() ?? null,
      })),
      activeVersion: dataKeys.find((key) => key.status === 'active')?.version ?? null,
      blindIndexKeyCreatedAt: keys.find((key) => key.purpose === 'index')?.createdAt.toISO() ?? null,
      subjectKeys: { live: Number(live), destroyed: Number(destroyed) },
      lastRotatedAt: lastCompleted?.finishedAt?.toISO() ?? null,
      rotation: rotations[0] ? rotationDto(rotations[0]) : null,
      history: rotations.slice(0, 5).map(rotationDto),
    }
  }
}

export function rotationDto(rotation: KeyRotation): RotationDto {
  const unfinished = rotation.status === 'pending' || rotation.status === 'running'
  return {
    id: rotation.id,
    status: rotation.status,
    fromVersion: rotation.fromVersion,
    toVersion: rotation.toVersion,
    processed: rotation.processed,
    total: rotation.total,
    percent: rotation.status === 'completed' ? 100 : rotation.total ? Math.min(99, Math.floor((rotation.processed / rotation.total) * 100)) : 0,
    startedAt: rotation.startedAt?.toISO() ?? null,
    finishedAt: rotation.finishedAt?.toISO() ?? null,
    error: rotation.error,
    stalled: unfinished && rotation.updatedAt < DateTime.now().minus({ minutes: STALLED_AFTER_MINUTES }),
  }
}
