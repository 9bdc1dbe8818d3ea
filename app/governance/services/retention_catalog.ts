/**
 * The retention rules a workspace has, with the defaults the seed privacy
 * policies promise and the limits the law or those promises set. A rule is
 * carried out by the retention targets registered for it (#core/retention_targets);
 * a rule without a target yet is shown as such, never silently "kept".
 */
export interface RetentionRuleDefinition {
  key: string
  /** Data category, as the Retention page and the RoPA show it. */
  category: string
  label: string
  /** What happens after the period: shown as "<action> after N days". */
  describe: (days: number) => string
  defaultDays: number
  enabledByDefault: boolean
  /** Owners may not go below (a legal minimum) or above (a promise made in the policy). */
  minDays?: { days: number; reason: string }
  maxDays?: { days: number; reason: string }
  /** Set by the platform, not per workspace. */
  fixed?: boolean
  /** Catalog retention keys (#core/personal_data) this rule governs. */
  catalogKeys: string[]
  /** Module expected to register the targets (for "not yet carried out" notes). */
  module: string
}

export const RETENTION_RULES: RetentionRuleDefinition[] = [
  {
    key: 'inactive_tickets',
    category: 'Support conversations',
    label: 'Close inactive tickets',
    describe: (days) => `Close open and pending tickets with no message for ${days} days`,
    defaultDays: 30,
    enabledByDefault: false,
    minDays: { days: 1, reason: 'A ticket must be inactive for at least a day before it is closed.' },
    catalogKeys: [],
    module: 'helpdesk',
  },
  {
    key: 'resolved_tickets',
    category: 'Support conversations',
    label: 'Delete resolved tickets',
    describe: (days) =>
      `Delete resolved and closed tickets ${days} days after they were resolved, with their messages, attachments, search tokens, ratings and analytics, and contacts left with no ticket`,
    defaultDays: 730,
    enabledByDefault: true,
    minDays: {
      days: 30,
      reason: 'Contacts may reopen or dispute a resolved request for 30 days; shorter periods would delete records still in use.',
    },
    catalogKeys: ['support_data'],
    module: 'helpdesk',
  },
  {
    key: 'security_log',
    category: 'Logs and security events',
    label: 'Delete logs and security events',
    describe: (days) => `Delete audit-log and security entries older than ${days} days`,
    defaultDays: 90,
    enabledByDefault: true,
    minDays: {
      days: 30,
      reason: 'Security events are kept at least 30 days to investigate incidents and report breaches (GDPR Art. 33).',
    },
    maxDays: { days: 90, reason: 'The privacy policy promises logs and security events are kept 90 days (Inviaro §8); place a legal hold for an incident under investigation.' },
    catalogKeys: ['security_log'],
    module: 'governance',
  },
  {
    key: 'account_data',
    category: 'Account data',
    label: 'Delete closed workspaces',
    describe: (days) => `Keep a closed workspace ${days} days (restorable), then delete it and destroy its encryption keys`,
    defaultDays: 90,
    enabledByDefault: true,
    fixed: true,
    minDays: { days: 90, reason: 'Owners can restore a closed workspace for 90 days (Inviaro §8).' },
    maxDays: { days: 90, reason: 'Account data is deleted 90 days after the workspace is closed (Inviaro §8).' },
    catalogKeys: ['account_data', 'invitation'],
    module: 'governance',
  },
  {
    key: 'invoices',
    category: 'Invoices and payment records',
    label: 'Delete invoices and payment records',
    describe: (days) => `Delete invoices and payment records after ${Math.round(days / 365)} years`,
    defaultDays: 3650,
    enabledByDefault: true,
    fixed: true,
    minDays: {
      days: 3650,
      reason: 'Tax law requires keeping invoices and payment records, typically for 10 years (Inviaro §8).',
    },
    catalogKeys: ['billing_records'],
    module: 'billing',
  },
  {
    key: 'calendar_cache',
    category: 'Cached calendar data',
    label: 'Remove cached calendar data after disconnect',
    describe: (days) => `Remove cached calendar event metadata ${days} days after the calendar is disconnected`,
    defaultDays: 30,
    enabledByDefault: true,
    maxDays: { days: 30, reason: 'The privacy policy promises cached calendar data is removed within 30 days of a disconnect (Integrava §3).' },
    catalogKeys: ['calendar_cache'],
    module: 'integrations',
  },
]

export function ruleDefinition(key: string) {
  return RETENTION_RULES.find((rule) => rule.key === key)
}

/** Why `days` is refused for the rule, or null when it is allowed. */
export function refusalFor(rule: RetentionRuleDefinition, days: number): string | null {
  if (rule.minDays && days < rule.minDays.days) return `At least ${rule.minDays.days} days: ${rule.minDays.reason}`
  if (rule.maxDays && days > rule.maxDays.days) return `At most ${rule.maxDays.days} days: ${rule.maxDays.reason}`
  return null
}
