import { test } from '@japa/runner'
import { Jobs } from '#core/jobs'
import { jobsConnection } from '#database/jobs_connection'

/** pg-boss on the same database the app uses (embedded or real), not a stand-in. */
test.group('Background jobs on pg-boss', () => {
  test('a dispatched job is picked up by a worker and retried after a failure', async ({ assert }) => {
    const jobs = new Jobs()
    const handled: string[] = []
    let failuresLeft = 1
    jobs.register<{ ticketId: string }>('test.echo', async ({ ticketId }) => {
      if (failuresLeft-- > 0) throw new Error('transient failure')
      handled.push(ticketId)
    }, { retryLimit: 2 })
    const boss = await jobs.start(jobsConnection(), { work: true, pollingIntervalSeconds: 0.5 })
    try {
      await boss.updateQueue('test.echo', { retryDelay: 0, retryBackoff: false })
      const id = await jobs.dispatch('test.echo', { ticketId: 'a1' })
      assert.isString(id)
      const deadline = Date.now() + 20_000
      while (handled.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200))
      assert.deepEqual(handled, ['a1'])
    } finally {
      await boss.deleteQueue('test.echo').catch(() => {})
      await jobs.stop()
    }
  }).timeout(30_000)

  test('dispatching an unknown job is an error, not a silent drop', async ({ assert }) => {
    const jobs = new Jobs()
    jobs.useInline()
    await assert.rejects(() => jobs.dispatch('nope', {}), 'Unknown job "nope"')
  })
})
