/**
 * Export archives at rest: sealed by the vault (the request's key scope: the
 * workspace's DEK, or the platform's) in 1 MiB chunks on the drive disk,
 * each chunk bound to the export id, its position and the chunk count. The
 * file is deleted once downloaded.
 */
import drive from '@adonisjs/drive/services/main'
import { secrets } from '#vault/index'

const CHUNK_BYTES = 1024 * 1024

function chunkContext(scope: string, exportId: string, index: number, count: number) {
  return { scope, table: 'privacy_exports', column: 'archive', rowId: `${exportId}:${index}/${count}` }
}

export function exportStorageKey(scope: string, exportId: string) {
  return `privacy/${scope}/${exportId}`
}

export async function writeSealedArchive(scope: string, exportId: string, archive: Buffer) {
  const count = Math.max(1, Math.ceil(archive.length / CHUNK_BYTES))
  const envelopes: string[] = []
  for (let index = 0; index < count; index++) {
    const chunk = archive.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES)
    envelopes.push(await secrets.seal(chunk.toString('base64'), chunkContext(scope, exportId, index, count)))
  }
  const key = exportStorageKey(scope, exportId)
  await drive.use().put(key, envelopes.join('\n'))
  return key
}

export async function readSealedArchive(scope: string, exportId: string, storageKey: string) {
  const envelopes = (await drive.use().get(storageKey)).split('\n')
  const parts: Buffer[] = []
  for (let index = 0; index < envelopes.length; index++) {
    parts.push(Buffer.from(await secrets.open(envelopes[index], chunkContext(scope, exportId, index, envelopes.length)), 'base64'))
  }
  return Buffer.concat(parts)
}

export async function deleteArchive(storageKey: string) {
  await drive.use().delete(storageKey)
}
