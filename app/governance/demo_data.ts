import { DateTime } from 'luxon'
import Subprocessor from '#governance/models/subprocessor'
import PolicyVersion from '#governance/models/policy_version'
import SaveConsentPurpose from '#governance/actions/save_consent_purpose'

const IN_USE = [
  { name: 'EU Cloud Hosting', legalEntity: 'EU Cloud Hosting GmbH', country: 'Germany', category: 'Application hosting and database', purpose: 'Hosts the application and stores workspace data', region: 'EU', transferMechanism: 'None (EU)' },
  { name: 'Edge Shield', legalEntity: 'Edge Shield Inc.', country: 'United States', category: 'Edge network', purpose: 'DDoS protection, content delivery, static assets', region: 'Global', transferMechanism: 'EU SCCs + Data Privacy Framework' },
  { name: 'Stripe', legalEntity: 'Stripe Payments Europe Ltd.', country: 'Ireland', category: 'Payment processing', purpose: 'Subscription billing and invoice payment', region: 'EU, US', transferMechanism: 'EU SCCs' },
  { name: 'Anthropic', legalEntity: 'Anthropic PBC', country: 'United States', category: 'AI provider', purpose: 'Optional AI replies and summaries (only when enabled)', region: 'US', transferMechanism: 'EU SCCs' },
  { name: 'Mail Relay', legalEntity: 'Mail Relay SAS', country: 'France', category: 'Email delivery', purpose: 'Transactional email', region: 'EU', transferMechanism: 'None (EU)' },
]

/** Demo registry (in use + one in its notice period), policy versions and a consent purpose. */
export async function seedGovernanceDemo(workspaceId: string) {
  if (await Subprocessor.query().first()) return
  const longAgo = DateTime.now().minus({ months: 6 })
  for (const entry of IN_USE) {
    await Subprocessor.create({ ...entry, processesWorkspaceData: true, announcedAt: longAgo.minus({ days: 30 }), effectiveAt: longAgo, retiredAt: null, createdByUserId: null })
  }
  await Subprocessor.create({
    name: 'Error Watch',
    legalEntity: 'Error Watch Oy',
    country: 'Finland',
    category: 'Operational monitoring',
    purpose: 'Error reporting and application performance monitoring',
    region: 'EU',
    transferMechanism: 'None (EU)',
    processesWorkspaceData: true,
    announcedAt: DateTime.now().minus({ days: 5 }),
    effectiveAt: DateTime.now().plus({ days: 25 }),
    retiredAt: null,
    createdByUserId: null,
  })
  await PolicyVersion.create({ version: '2026.1', title: 'Privacy policy', summary: 'The current policy.', body: 'How Vaultdesk handles personal data…', announcedAt: longAgo.minus({ days: 30 }), effectiveAt: longAgo, createdByUserId: null })
  await PolicyVersion.create({ version: '2027.1', title: 'Privacy policy: retention per category', summary: 'Retention periods are now listed per data category.', body: 'How Vaultdesk handles personal data, with retention per category…', announcedAt: DateTime.now(), effectiveAt: DateTime.now().plus({ days: 35 }), createdByUserId: null })
  await new SaveConsentPurpose().handle({ workspaceId, key: 'marketing_emails', name: 'Marketing emails', text: 'Send me product news and tips by email, at most twice a month. I can withdraw at any time.' })
  await new SaveConsentPurpose().handle({ workspaceId, key: 'widget_analytics', name: 'Analytics in the chat widget', text: 'Measure how I use the chat widget to improve it.' })
}
