/**
 * The key-destruction ledger outside the database: an append-only JSON-lines
 * file (VAULT_LEDGER_PATH, default storage/vault/destructions.jsonl), each
 * entry chained to the previous one by a SHA-256 hash. A database restored
 * from an older backup brings destroyed keys back; replaying this file
 * (`node ace vault:replay-destructions`) destroys them again.
 *
 * Keep the file on storage that is not restored with the database (and, in
 * production, append-only or versioned: a WORM bucket, a separate volume).
 */
import { createHash } from 'node:crypto'
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises'
import { dirname, isAbsolute } from 'node:path'
import app from '@adonisjs/core/services/app'
import env from '#start/env'

export interface DestructionRecord {
  target: 'workspace' | 'subject'
  /** NULL: the platform scope. */
  workspaceId: string | null
  subjectType: string | null
  subjectId: string | null
  /** A short code (erasure_request, workspace_deleted...), never free text about a person. */
  reason: string
}

export interface LedgerEntry extends DestructionRecord {
  v: 1
  seq: number
  at: string
  prevHash: string
  hash: string
}

export const GENESIS_HASH = '0'.repeat(64)
export const DEFAULT_LEDGER_PATH = 'storage/vault/destructions.jsonl'

export function entryHash(entry: Omit<LedgerEntry, 'hash'>) {
  const canonical = JSON.stringify([
    entry.v, entry.seq, entry.at, entry.target, entry.workspaceId, entry.subjectType, entry.subjectId, entry.reason, entry.prevHash,
  ])
  return createHash('sha256').update(`${entry.prevHash}\n${canonical}`).digest('hex')
}

export class DestructionLedgerFile {
  constructor(public readonly path: string) {}

  /** Appends one entry, chained to the last, and forces it to disk before returning. */
  async append(record: DestructionRecord, at = new Date()): Promise<LedgerEntry> {
    await mkdir(dirname(this.path), { recursive: true })
    const release = await this.#lock()
    try {
      const { last, tornTail } = await this.#tail()
      const entry: Omit<LedgerEntry, 'hash'> = {
        v: 1,
        seq: (last?.seq ?? 0) + 1,
        at: at.toISOString(),
        target: record.target,
        workspaceId: record.workspaceId,
        subjectType: record.subjectType,
        subjectId: record.subjectId,
        reason: record.reason,
        prevHash: last?.hash ?? GENESIS_HASH,
      }
      const complete: LedgerEntry = { ...entry, hash: entryHash(entry) }
      const handle = await open(this.path, 'a', 0o600)
      try {
        await handle.appendFile(`${tornTail ? '\n' : ''}${JSON.stringify(complete)}\n`)
        await handle.sync()
      } finally {
        await handle.close()
      }
      return complete
    } finally {
      await release()
    }
  }

  /** Every entry, with the chain checked: a problem names the first line that does not fit. */
  async read(): Promise<{ entries: LedgerEntry[]; problems: string[] }> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], problems: [] }
      throw error
    }
    const entries: LedgerEntry[] = []
    const problems: string[] = []
    let previous: LedgerEntry | null = null
    text.split('\n').forEach((line, index) => {
      if (!line.trim()) return
      let entry: LedgerEntry
      try {
        entry = JSON.parse(line)
      } catch {
        problems.push(`line ${index + 1}: not valid JSON (torn or edited)`)
        return
      }
      const { hash, ...rest } = entry
      if (entryHash(rest) !== hash) problems.push(`line ${index + 1}: hash does not match its content (edited)`)
      else if (entry.prevHash !== (previous?.hash ?? GENESIS_HASH)) problems.push(`line ${index + 1}: does not chain to the entry before it (removed or reordered)`)
      entries.push(entry)
      previous = entry
    })
    return { entries, problems }
  }

  async #tail(): Promise<{ last: LedgerEntry | null; tornTail: boolean }> {
    let size = 0
    try {
      size = (await stat(this.path)).size
    } catch {
      return { last: null, tornTail: false }
    }
    if (size === 0) return { last: null, tornTail: false }
    const handle = await open(this.path, 'r')
    try {
      const length = Math.min(size, 256 * 1024)
      const { buffer } = await handle.read(Buffer.alloc(length), 0, length, size - length)
      const text = buffer.toString('utf8')
      const lines = text.split('\n').filter((line) => line.trim())
      for (let index = lines.length - 1; index >= 0; index--) {
        try {
          return { last: JSON.parse(lines[index]), tornTail: !text.endsWith('\n') }
        } catch {
          // A torn last line (crash mid-write): chain from the last whole entry.
        }
      }
      return { last: null, tornTail: !text.endsWith('\n') }
    } finally {
      await handle.close()
    }
  }

  /** A lock file shared by every process appending to this ledger. */
  async #lock() {
    const lockPath = `${this.path}.lock`
    const deadline = Date.now() + 15_000
    while (true) {
      try {
        const handle = await open(lockPath, 'wx')
        await handle.close()
        return () => unlink(lockPath).catch(() => {})
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        const age = await stat(lockPath).then((info) => Date.now() - info.mtimeMs, () => 0)
        if (age > 60_000) await unlink(lockPath).catch(() => {})
        if (Date.now() > deadline) throw new Error(`The destruction ledger is locked (${lockPath}); remove the lock file if no process is writing.`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }
  }
}

let override: string | undefined

/** Tests point the ledger at a file of their own. */
export function useLedgerPath(path: string | undefined) {
  override = path
}

export function destructionLedger() {
  const path = override ?? env.get('VAULT_LEDGER_PATH') ?? DEFAULT_LEDGER_PATH
  return new DestructionLedgerFile(isAbsolute(path) ? path : app.makePath(path))
}
