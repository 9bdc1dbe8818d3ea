import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import Stripe from 'stripe'
import { UserFactory } from '#database/factories/identity_factories'
import { workspaceWithEveryRole } from '#tests/helpers/identity'
import { postWebhook } from '#tests/billing/fixtures'

/** An event of a customer nobody knows: accepted (200) and ignored when the signature holds. */
function unknownCustomerEvent() {
  const id = `evt_${Math.random().toString(36).slice(2)}`
  const subscription = { id: 'sub_unknown', object: 'subscription', customer: 'cus_nobody', status: 'active', items: { data: [] } }
  return JSON.stringify({ id, object: 'event', type: 'customer.subscription.updated', created: Math.floor(Date.now() / 1000), data: { object: subscription } })
}

const signed = (payload: string, secret: string) => Stripe.webhooks.generateTestHeaderString({ payload, secret })

test.group('Stripe webhook signing secret in the vault', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an operator stores it sealed and write-only; webhooks are then verified with it', async ({ client, assert }) => {
    const operator = await UserFactory.merge({ isOperator: true }).create()
    const secret = `whsec_${'k'.repeat(24)}vaultheld`
    const saved = await client.put('/operator/billing/webhook-secret').loginAs(operator).json({ webhookSecret: secret }).withCsrfToken().redirects(0)
    saved.assertStatus(302)

    const row = await db.from('billing_settings').firstOrFail()
    assert.match(row.stripe_webhook_secret, /^vd1:w\d+:/)
    assert.notInclude(row.stripe_webhook_secret, 'vaultheld')
    const page = await client.get('/operator/billing').loginAs(operator).withInertia()
    page.assertStatus(200)
    assert.equal(page.inertiaProps.webhookSecret.source, 'vault')
    assert.notInclude(JSON.stringify(page.inertiaProps), secret)

    const payload = unknownCustomerEvent()
    assert.equal((await postWebhook(payload, signed(payload, secret))).status, 200)
    const other = unknownCustomerEvent()
    assert.equal((await postWebhook(other, signed(other, 'whsec_not_the_one_in_the_vault'))).status, 400)
    assert.exists(await db.from('audit_entries').where('action', 'operator.stripe_webhook_secret_set').first())
  })

  test('only operators reach the setting; a malformed secret is refused with 422', async ({ client }) => {
    const { members } = await workspaceWithEveryRole()
    ;(await client.get('/operator/billing').loginAs(members.owner).withInertia()).assertStatus(404)
    ;(await client.put('/operator/billing/webhook-secret').loginAs(members.owner).json({ webhookSecret: 'whsec_abcdefghij' }).withCsrfToken().accept('json')).assertStatus(404)
    const operator = await UserFactory.merge({ isOperator: true }).create()
    ;(await client.put('/operator/billing/webhook-secret').loginAs(operator).json({ webhookSecret: 'sk_live_wrong' }).withCsrfToken().accept('json')).assertStatus(422)
  })
})
