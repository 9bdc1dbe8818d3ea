import { writeFileSync } from 'node:fs'
import type { NamedReporterContract } from '@japa/runner/types'

/**
 * Writes Japa's own counts (passed, failed, skipped...) as JSON to
 * TEST_SUMMARY_FILE when set, so .ci/run prints its closing line from the
 * runner's results rather than by scraping the console.
 */
export function summaryFile(): NamedReporterContract {
  return {
    name: 'summary-file',
    handler(runner, emitter) {
      emitter.on('runner:end', () => {
        const target = process.env.TEST_SUMMARY_FILE
        if (!target) return
        const { aggregates, hasError } = runner.getSummary()
        writeFileSync(target, JSON.stringify({ ...aggregates, hasError }))
      })
    },
  }
}
