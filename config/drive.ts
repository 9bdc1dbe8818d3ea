import app from '@adonisjs/core/services/app'
import env from '#start/env'
import { defineConfig, services } from '@adonisjs/drive'

/**
 * Files (helpdesk attachments) go to a drive disk, always sealed by the
 * vault first, so the disk only ever holds ciphertext. Default: the local
 * disk under storage/ (kept out of git). Production may use any
 * S3-compatible store: DRIVE_DISK=s3 with S3_BUCKET, S3_REGION,
 * S3_ENDPOINT (for non-AWS stores), S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY,
 * after `npm install @aws-sdk/client-s3 @aws-sdk/s3-request-presigner`.
 * Files are never served publicly: downloads go through the app, which
 * checks access and decrypts.
 */
/** One disk, "files": local by default, S3-compatible when DRIVE_DISK=s3 (the S3 driver loads only then). */
const driveConfig = defineConfig({
  default: 'files',
  // Tests fake the disk; one folder per process, so parallel test runs never delete each other's files.
  fakes: { location: app.tmpPath('drive-fakes', String(process.pid)) },
  services: {
    files:
      env.get('DRIVE_DISK') === 's3'
        ? services.s3({
            credentials: {
              accessKeyId: env.get('S3_ACCESS_KEY_ID') ?? '',
              secretAccessKey: env.get('S3_SECRET_ACCESS_KEY')?.release() ?? '',
            },
            region: env.get('S3_REGION') ?? 'auto',
            bucket: env.get('S3_BUCKET') ?? '',
            endpoint: env.get('S3_ENDPOINT') || undefined,
            forcePathStyle: Boolean(env.get('S3_ENDPOINT')),
            visibility: 'private',
          })
        : services.fs({
            location: app.makePath(env.get('DRIVE_LOCAL_ROOT') || 'storage/files'),
            serveFiles: false,
            visibility: 'private',
          }),
  },
})

export default driveConfig

declare module '@adonisjs/drive/types' {
  export interface DriveDisks extends InferDriveDisks<typeof driveConfig> {}
}
