import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Recomputes the audit hash chains; exits non-zero when an entry was edited or removed. */
export default class AuditVerify extends BaseCommand {
  static commandName = 'audit:verify'
  static description = 'Verify the hash chains of the audit log'
  static options: CommandOptions = { startApp: true }

  async run() {
    const { VerifyAuditChain } = await import('#governance/index')
    const { checked, problems } = await new VerifyAuditChain().handle()
    if (problems.length === 0) {
      this.logger.success(`audit log intact: ${checked} entries verified`)
      return
    }
    for (const problem of problems) {
      this.logger.error(`chain ${problem.workspaceId ?? 'platform'} entry #${problem.sequence}: ${problem.problem.replace('_', ' ')}`)
    }
    this.logger.error(`${problems.length} problem(s) in ${checked} entries`)
    this.exitCode = 1
  }
}
