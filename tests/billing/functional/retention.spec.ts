import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { WorkspaceFactory } from '#database/factories/identity_factories'
import { retentionTargets } from '#core/retention_targets'
import { purgeTrialSignals } from '#billing/jobs/purge_trial_signals'
import SweepPurgedWorkspaceRecords from '#governance/actions/sweep_purged_workspace_records'
import StartTrial from '#billing/actions/start_trial'
import BillingAccount from '#billing/models/billing_account'
import { keyStore, PLATFORM_SCOPE, StartKeyRotation } from '#vault/index'
import KeyRotation from '#vault/models/key_rotation'

async function invoiceAt(workspaceId: string, issuedAt: DateTime, suffix: string) {
  await db.table('billing_invoices').insert({
    workspace_id: workspaceId,
    stripe_invoice_id: `in_${suffix}`,
    status: 'paid',
    currency: 'eur',
    total: 2900,
    amount_paid: 2900,
    issued_at: issuedAt.toJSDate(),
    stripe_state_at: Math.floor(issuedAt.toSeconds()),
    created_at: new Date(),
    updated_at: new Date(),
  })
  await db.table('billing_payments').insert({
    workspace_id: workspaceId,
    stripe_event_id: `evt_${suffix}`,
    stripe_invoice_id: `in_${suffix}`,
    outcome: 'succeeded',
    currency: 'eur',
    amount: 2900,
    occurred_at: issuedAt.toJSDate(),
    created_at: new Date(),
  })
}

test.group('Billing retention', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the 10-year invoices rule deletes only invoices and payments past the cutoff', async ({ assert }) => {
    const workspace = await WorkspaceFactory.create()
    await invoiceAt(workspace.id, DateTime.now().minus({ years: 11 }), 'old')
    await invoiceAt(workspace.id, DateTime.now().minus({ years: 9 }), 'recent')
    const target = retentionTargets('invoices').find((candidate) => candidate.key === 'billing.invoices')!
    const scope = { workspaceId: workspace.id, cutoff: DateTime.now().minus({ days: 3650 }).toJSDate(), heldContactIds: [], heldTicketIds: [] }
    assert.equal(await target.count(scope), 2)
    const result = await db.transaction((trx) => target.processBatch(trx, scope, 500))
    assert.equal(result.processed, 2)
    assert.deepEqual((await db.from('billing_invoices').where('workspace_id', workspace.id)).map((row) => row.stripe_invoice_id), ['in_recent'])
    assert.deepEqual((await db.from('billing_payments').where('workspace_id', workspace.id)).map((row) => row.stripe_event_id), ['evt_recent'])
  })

  test('invoices of a purged workspace still expire: the nightly sweep deletes them after 10 years, and keeps younger ones', async ({ assert }) => {
    const { randomUUID } = await import('node:crypto')
    const purged = randomUUID()
    const live = await WorkspaceFactory.create()
    await invoiceAt(purged, DateTime.now().minus({ years: 11 }), 'purged_old')
    await invoiceAt(purged, DateTime.now().minus({ years: 3 }), 'purged_recent')
    await invoiceAt(live.id, DateTime.now().minus({ years: 11 }), 'live_old')

    const deleted = await new SweepPurgedWorkspaceRecords().handle()
    assert.deepEqual(deleted, { 'billing.invoices': 2 })
    assert.deepEqual((await db.from('billing_invoices').where('workspace_id', purged)).map((row) => row.stripe_invoice_id), ['in_purged_recent'])
    assert.deepEqual((await db.from('billing_payments').where('workspace_id', purged)).map((row) => row.stripe_event_id), ['evt_purged_recent'])
    // A live workspace's records are its own retention run's business (with its holds), not the sweep's.
    assert.lengthOf(await db.from('billing_invoices').where('workspace_id', live.id), 1)
    const [entry] = await db.from('audit_entries').where('action', 'retention.purged_workspace_records_deleted').orderBy('occurred_at', 'desc').limit(1)
    assert.exists(entry)
  })

  test('trial signals are purged after 12 months', async ({ assert }) => {
    const [old, fresh] = [await WorkspaceFactory.create(), await WorkspaceFactory.create()]
    await new StartTrial().handle({ workspaceId: old.id, ownerEmail: 'a@old-org.test' })
    await new StartTrial().handle({ workspaceId: fresh.id, ownerEmail: 'b@fresh-org.test' })
    await db.from('billing_trial_signals').where('workspace_id', old.id).update({ created_at: DateTime.now().minus({ months: 13 }).toJSDate() })
    await purgeTrialSignals()
    assert.lengthOf(await db.from('billing_trial_signals').where('workspace_id', old.id), 0)
    assert.lengthOf(await db.from('billing_trial_signals').where('workspace_id', fresh.id), 1)
  })
})

test.group('Billing contact and key rotation', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  // Keys made inside the rolled-back test transaction must not stay cached for the next files.
  group.each.setup(() => {
    keyStore.clear()
    return () => keyStore.clear()
  })

  test('the contact is sealed in the platform scope: a workspace rotation leaves it, a platform rotation re-encrypts it', async ({ assert }) => {
    const workspace = await WorkspaceFactory.create()
    const account = await new StartTrial().handle({ workspaceId: workspace.id, ownerEmail: 'ledger@rotating.test' })
    account.merge({ billingName: 'Rotating Ltd', vatId: 'GB123456789' })
    await account.save()

    const workspaceRotation = await new StartKeyRotation().handle(workspace.id)
    assert.equal((await KeyRotation.findOrFail(workspaceRotation.rotation.id)).status, 'completed')
    const platformRotation = await new StartKeyRotation().handle(PLATFORM_SCOPE)
    assert.equal((await KeyRotation.findOrFail(platformRotation.rotation.id)).status, 'completed')

    const stored = await db.from('billing_accounts').where('id', account.id).firstOrFail()
    assert.match(stored.billing_name, new RegExp(`^vd1:w${platformRotation.rotation.toVersion}:`))
    const reloaded = await BillingAccount.findOrFail(account.id)
    assert.equal(reloaded.billingName, 'Rotating Ltd')
    assert.equal(reloaded.billingEmail, 'ledger@rotating.test')
  })
})
