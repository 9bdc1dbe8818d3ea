/** Uploaded knowledge documents on the drive disk, under keys made of ids only. */
import drive from '@adonisjs/drive/services/main'

export function storageKeyFor(workspaceId: string, sourceId: string) {
  return `knowledge/${workspaceId}/${sourceId}`
}

export async function writeSourceFile(key: string, bytes: Uint8Array) {
  await drive.use().put(key, Buffer.from(bytes))
}

export async function readSourceFile(key: string) {
  return drive.use().getBytes(key)
}

export async function deleteSourceFile(key: string) {
  await drive.use().delete(key)
}
