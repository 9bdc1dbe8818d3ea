import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { generate } from 'otplib'
import { smtpSink, SmtpSink } from '#tests/helpers/smtp_sink'

const PASSWORD = 'a-long-browser-password'

/**
 * The newcomer's first hour, in a real Chromium: sign up, confirm the email
 * from the SMTP sink, create a workspace, invite a colleague who accepts in a
 * second browser context, turn on 2FA, sign out and back in with a code.
 */
test.group('Onboarding in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => smtpSink.clear())

  test('signup → verify → workspace → invite → accept → 2FA → login with code', async ({ visit, browser, assert }) => {
    // Sign up
    const page = await visit('/signup')
    await page.getByLabel('Full name').fill('Fiona Founder')
    await page.getByLabel('Work email').fill('fiona@browser.test')
    await page.getByLabel(/^Password/).fill(PASSWORD)
    await page.getByLabel('Repeat password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.waitForURL('**/verify-email')
    await page.assertTextContains('body', 'Check your inbox')

    // Confirm the address from the mail
    const verification = await smtpSink.lastTo('fiona@browser.test', /Confirm your email/)
    await page.goto(SmtpSink.linkIn(verification, '/verify-email/'))
    await page.waitForURL('**/workspaces/new')
    await page.assertTextContains('body', 'Create a workspace')
    await page.assertTextContains('body', 'Your email address is confirmed.')

    // Create a workspace
    await page.getByLabel('Workspace name').fill('Browser Test Co')
    await page.getByRole('button', { name: 'Create workspace' }).click()
    await page.waitForURL('**/w/browser-test-co')
    await page.assertTextContains('body', 'Workspace Browser Test Co is ready.')
    await page.assertPath('/w/browser-test-co')

    // Invite a colleague as agent
    await page.getByRole('link', { name: 'Members', exact: true }).click()
    await page.getByLabel('Email').fill('colin@browser.test')
    await page.getByRole('button', { name: 'Send invitation' }).click()
    await page.assertTextContains('body', 'Invitation sent to colin@browser.test.')

    // The colleague accepts in a second browser context
    const invitation = await smtpSink.lastTo('colin@browser.test', /invited you/)
    const colleagueContext = await browser.newContext()
    const colleague = await colleagueContext.newPage()
    await colleague.goto(SmtpSink.linkIn(invitation, '/invitations/'))
    await colleague.getByRole('link', { name: 'Create your account' }).click()
    await colleague.getByLabel('Full name').fill('Colin Colleague')
    await colleague.getByLabel(/^Password/).fill(PASSWORD)
    await colleague.getByLabel('Repeat password').fill(PASSWORD)
    await colleague.getByRole('button', { name: 'Create account' }).click()
    await colleague.waitForURL('**/w/browser-test-co')
    await colleague.getByText('Welcome to Browser Test Co.').waitFor()
    assert.include(await colleague.textContent('body'), 'Your role: Agent')
    await colleagueContext.close()

    await page.reload()
    await page.assertTextContains('[data-testid="member-colin@browser.test"]', 'Colin Colleague')

    // Turn on two-factor authentication
    await page.getByRole('link', { name: 'Security' }).click()
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click()
    const secret = (await page.locator('[data-testid="totp-secret"]').textContent())!.trim()
    await page.getByLabel('2. Enter the 6-digit code the app shows').fill(await generate({ secret }))
    await page.getByRole('button', { name: 'Turn on' }).click()
    await page.assertTextContains('body', 'Two-factor authentication is on.')
    await page.assertTextContains('[data-testid="recovery-codes"]', 'Save your recovery codes')

    // Sign out, then back in with password and code
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL('**/login')
    await page.assertTextContains('body', 'You are signed out.')
    await page.getByLabel('Email').fill('fiona@browser.test')
    await page.getByLabel(/^Password/).fill(PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByLabel('Authentication code').fill(await generate({ secret }))
    await page.getByRole('button', { name: 'Verify' }).click()
    await page.waitForURL('**/w/browser-test-co')
    await page.assertTextContains('[data-testid="who"]', 'Fiona Founder')
  }).timeout(90_000)
})
