import { test } from '@japa/runner'
import { channelsGroup, channelsWorkspace } from '#tests/channels/fixtures'

const SCREENS = 'tmp/screens-channels'

/**
 * The help center in a real Chromium: an agent writes an article in the
 * portal and publishes it; an anonymous visitor finds it by search on the
 * public site, reads it, says it helped, and writes to support.
 */
test.group('Help center in the browser', (group) => {
  channelsGroup(group)

  test('an article is written, published, found by search and read by a visitor', async ({ browserContext, browser, visit, assert }) => {
    const { workspace, members, base } = await channelsWorkspace()

    await browserContext.loginAs(members.agent)
    const portal = await visit(`${base}/help-center`)
    await portal.getByLabel('Category name').fill('Account')
    await portal.getByRole('button', { name: 'Add category' }).click()
    await portal.getByRole('table', { name: 'Categories' }).getByText('Account').waitFor()
    await portal.screenshot({ path: `${SCREENS}/0-portal.png`, fullPage: true })
    await portal.getByLabel('Article title').fill('Resetting your password')
    await portal.getByRole('button', { name: 'New article' }).click()
    await portal.getByLabel('Body (Markdown)').waitFor()
    await portal.getByLabel('Body (Markdown)').fill('## Steps\n\n1. Choose **Forgot password** on the login page.\n2. Follow the link we email you.\n\n<script>alert("x")</script>')
    await portal.getByRole('combobox', { name: 'Category' }).click()
    await portal.getByRole('option', { name: 'Account' }).click()
    await portal.getByRole('button', { name: 'Save draft' }).click()
    await portal.getByText('Draft saved').waitFor()
    await portal.getByRole('button', { name: 'Publish' }).click()
    await portal.getByText('Published v1').first().waitFor()
    await portal.screenshot({ path: `${SCREENS}/1-article-published.png`, fullPage: true })

    // A visitor, not signed in, in a separate context
    const visitorContext = await browser.newContext()
    const visitor = await visitorContext.newPage()
    await visitor.goto(new URL(`/help/${workspace.slug}`, portal.url()).href)
    await visitor.getByRole('region', { name: 'Account' }).getByRole('link', { name: 'Resetting your password' }).waitFor()
    await visitor.getByLabel('Search the help center').fill('forgot password')
    await visitor.getByRole('button', { name: 'Search' }).click()
    const results = visitor.getByRole('region', { name: 'Search results' })
    await results.getByRole('link', { name: 'Resetting your password' }).waitFor()
    await visitor.screenshot({ path: `${SCREENS}/2-search-results.png`, fullPage: true })
    await results.getByRole('link', { name: 'Resetting your password' }).click()
    await visitor.getByRole('heading', { name: 'Resetting your password', level: 1 }).waitFor()
    assert.include(await visitor.locator('article').textContent(), 'Follow the link we email you.')
    assert.equal(await visitor.locator('article script').count(), 0)
    await visitor.getByRole('button', { name: 'Yes' }).click()
    await visitor.getByText('Thank you for your feedback.').first().waitFor()
    await visitor.screenshot({ path: `${SCREENS}/3-article.png`, fullPage: true })

    // Mobile width: the contact form still fits and works
    await visitor.setViewportSize({ width: 375, height: 800 })
    await visitor.goto(new URL(`/help/${workspace.slug}`, portal.url()).href)
    await visitor.getByLabel('Your email').fill('ada@example.test')
    await visitor.getByLabel('Message').fill('The reset link expired.')
    await visitor.getByRole('button', { name: 'Send message' }).click()
    await visitor.getByText('your message reached our support team').waitFor()
    await visitor.screenshot({ path: `${SCREENS}/4-contact-mobile.png`, fullPage: true })
    await visitorContext.close()

    // The agent sees the visitor's message in the inbox
    const inbox = await visit(`${base}/inbox`)
    await inbox.getByText('Message from the help center').first().waitFor()
  })
})
