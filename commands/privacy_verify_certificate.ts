import { readFile } from 'node:fs/promises'
import { args, BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Verifies an erasure certificate (JSON file): the Ed25519 signature over
 * its contents, and that it was signed with this platform's key. Exit 0
 * when valid, 1 otherwise.
 */
export default class PrivacyVerifyCertificate extends BaseCommand {
  static commandName = 'privacy:verify-certificate'
  static description = 'Verify the signature of an erasure certificate file (exits 1 when invalid)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Path to the certificate (.json)' })
  declare file: string

  async run() {
    const { verifyCertificate, trustedPublicKeys } = await import('#privacy/index')
    let document: unknown
    try {
      document = JSON.parse(await readFile(this.file, 'utf8'))
    } catch (error) {
      this.logger.error(`cannot read ${this.file}: ${(error as Error).message}`)
      this.exitCode = 1
      return
    }
    const result = await verifyCertificate(document, await trustedPublicKeys())
    if (!result.valid) {
      this.logger.error(`INVALID certificate: ${result.reason}`)
      this.exitCode = 1
      return
    }
    const payload = (document as { payload: { requestId: string; completedAt: string; erased: { rows: number }[] } }).payload
    const rows = payload.erased.reduce((sum, item) => sum + item.rows, 0)
    this.logger.success(`valid certificate for request ${payload.requestId}: ${rows} rows erased, completed ${payload.completedAt}`)
  }
}
