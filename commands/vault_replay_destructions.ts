import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Run after restoring a database backup: destroys again every key the
 * destruction ledger file records, so data shredded after the backup was
 * taken stays unreadable. Exits non-zero when the ledger's hash chain is
 * broken (entries are still applied: destroying is the safe direction).
 */
export default class VaultReplayDestructions extends BaseCommand {
  static commandName = 'vault:replay-destructions'
  static description = 'Re-apply the key-destruction ledger after a database restore'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { ReplayDestructions } = await import('#vault/index')
    const report = await new ReplayDestructions().handle()
    this.logger.info(`Ledger ${report.ledgerPath}: ${report.entries} entries`)
    this.logger.info(`${report.keysDestroyed} keys destroyed again, ${report.entriesRestored} ledger entries restored to the database`)
    for (const problem of report.problems) this.logger.error(`Ledger chain: ${problem}`)
    if (report.problems.length) {
      this.exitCode = 1
      return
    }
    this.logger.success('Every recorded destruction is in effect')
  }
}
