import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Checks every text and JSON column declared encrypted in the personal-data
 * catalog for values that are not vault ciphertexts. Prints counts and
 * shapes (never values); exits non-zero on any finding.
 */
export default class VaultScan extends BaseCommand {
  static commandName = 'vault:scan'
  static description = 'Find plaintext in columns declared encrypted (exits 1 on findings)'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { ScanForPlaintext } = await import('#vault/index')
    const report = await new ScanForPlaintext().handle()
    this.logger.info(`Checked ${report.checked.length} encrypted columns: ${report.checked.join(', ') || 'none'}`)
    for (const finding of report.findings) {
      this.logger.error(`${finding.table}.${finding.column}: ${finding.count} values are not encrypted (look like: ${finding.looksLike.join(', ')})`)
    }
    if (report.findings.length) {
      this.exitCode = 1
      return
    }
    this.logger.success('No plaintext found in encrypted columns')
  }
}
