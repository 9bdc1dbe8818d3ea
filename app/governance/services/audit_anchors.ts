/**
 * Anchors of the audit chains, outside the database: an append-only
 * JSON-lines file (AUDIT_ANCHOR_PATH, default storage/governance/
 * audit_anchors.jsonl) where each line records every chain's head (its last
 * sequence and hash) at one moment. The chain alone proves that no kept
 * entry was edited or removed from the middle, but someone with database
 * access could cut the newest entries off its end; the anchor shows the
 * chain once reached further. Keep the file where a database restore or a
 * database user cannot reach it (a separate volume, a versioned bucket).
 */
import { mkdir, open, readFile } from 'node:fs/promises'
import { dirname, isAbsolute } from 'node:path'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'

export interface ChainHead {
  /** null: the platform chain. */
  workspaceId: string | null
  sequence: number
  hash: string
  occurredAt: string
}

interface AnchorLine {
  v: 1
  at: string
  /** Which database the heads are of (a development and a test database may share a checkout). */
  database: string
  heads: ChainHead[]
}

export const DEFAULT_ANCHOR_PATH = 'storage/governance/audit_anchors.jsonl'

let override: string | undefined

/** Tests point the anchors at a file of their own. */
export function useAnchorPath(path: string | undefined) {
  override = path
}

function anchorPath() {
  const path = override ?? env.get('AUDIT_ANCHOR_PATH') ?? DEFAULT_ANCHOR_PATH
  return isAbsolute(path) ? path : app.makePath(path)
}

/** The database's name and cluster identifier: anchors only count for the database they were taken of. */
export async function databaseFingerprint() {
  const result = await db.rawQuery('SELECT current_database() AS name, (SELECT system_identifier FROM pg_control_system())::text AS cluster')
  const [{ name, cluster }] = result.rows as { name: string; cluster: string }[]
  return `${cluster}/${name}`
}

/** Appends one line with the given heads, forced to disk before returning. */
export async function appendAnchor(heads: ChainHead[], at = new Date()) {
  const path = anchorPath()
  await mkdir(dirname(path), { recursive: true })
  const line: AnchorLine = { v: 1, at: at.toISOString(), database: await databaseFingerprint(), heads }
  const handle = await open(path, 'a', 0o600)
  try {
    // A leading newline keeps a line torn by an earlier crash from swallowing this one.
    await handle.appendFile(`\n${JSON.stringify(line)}\n`)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** The furthest head each chain of this database was ever anchored at (a chain only grows). */
export async function anchoredHeads(): Promise<Map<string | null, ChainHead>> {
  const database = await databaseFingerprint()
  let text = ''
  try {
    text = await readFile(anchorPath(), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const furthest = new Map<string | null, ChainHead>()
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue
    let line: AnchorLine
    try {
      line = JSON.parse(raw)
    } catch {
      continue // torn by a crash mid-write
    }
    if (line.database !== database) continue
    for (const head of line.heads ?? []) {
      const known = furthest.get(head.workspaceId)
      if (!known || head.sequence > known.sequence) furthest.set(head.workspaceId, head)
    }
  }
  return furthest
}
