import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Compares every module's personal-data declarations with the live schema;
 * exits 1 listing each undeclared or stale column.
 */
export default class PrivacyCatalogCheck extends BaseCommand {
  static commandName = 'privacy:catalog:check'
  static description = 'Check that every database column is declared in the personal-data catalog (exits 1 on gaps)'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { default: db } = await import('@adonisjs/lucid/services/db')
    const { checkCatalog } = await import('#core/catalog_check')
    const findings = await checkCatalog(db.connection())
    if (findings.length === 0) {
      this.logger.success('personal-data catalog complete: every column is declared')
      return
    }
    for (const finding of findings) {
      const hint = finding.problem === 'undeclared' ? 'not declared in any personal_data.ts' : 'declared but no longer in the database'
      this.logger.error(`${finding.problem}: ${finding.table}.${finding.column} (${hint})`)
    }
    this.logger.error(`${findings.length} column(s) to fix in the catalog`)
    this.exitCode = 1
  }
}
