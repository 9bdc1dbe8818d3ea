import vine from '@vinejs/vine'

export const retentionRuleValidator = vine.create({
  ruleKey: vine.string().trim().maxLength(48),
  days: vine.number().withoutDecimals().min(0).max(36500),
  enabled: vine.boolean(),
})

export const legalHoldValidator = vine.create({
  scope: vine.enum(['workspace', 'contact', 'ticket'] as const),
  /** Contact: id or email; ticket: id or number. */
  targetId: vine.string().trim().maxLength(254).optional().requiredWhen('scope', 'in', ['contact', 'ticket']),
  reason: vine.string().trim().minLength(3).maxLength(500),
})

export const releaseHoldValidator = vine.create({
  reason: vine.string().trim().minLength(3).maxLength(500),
})

export const objectionValidator = vine.create({
  reason: vine.string().trim().minLength(3).maxLength(2000),
})

export const subscriptionValidator = vine.create({
  subscribe: vine.boolean(),
})

export const consentPurposeValidator = vine.create({
  key: vine.string().trim().regex(/^[a-z][a-z0-9_]{1,47}$/),
  name: vine.string().trim().minLength(2).maxLength(120),
  text: vine.string().trim().minLength(10).maxLength(5000),
})

export const consentSubjectValidator = vine.create({
  subjectType: vine.enum(['contact', 'visitor'] as const).optional(),
  subjectId: vine.string().trim().maxLength(64).regex(/^[\w-]+$/).optional(),
})

export const consentDecisionValidator = vine.create({
  purpose: vine.string().trim().maxLength(48),
  decision: vine.enum(['grant', 'withdraw'] as const),
  textHash: vine.string().trim().fixedLength(64).regex(/^[0-9a-f]+$/).optional(),
})

export const supportGrantValidator = vine.create({
  hours: vine.number().withoutDecimals(),
})

export const subprocessorValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(120),
  legalEntity: vine.string().trim().minLength(2).maxLength(200),
  country: vine.string().trim().minLength(2).maxLength(80),
  category: vine.string().trim().minLength(2).maxLength(80),
  purpose: vine.string().trim().minLength(3).maxLength(300),
  region: vine.string().trim().minLength(2).maxLength(80),
  transferMechanism: vine.string().trim().minLength(2).maxLength(160),
  processesWorkspaceData: vine.boolean().optional(),
  noticeDays: vine.number().withoutDecimals().min(0).max(365).optional(),
})

export const policyVersionValidator = vine.create({
  version: vine.string().trim().regex(/^[\w.-]{1,32}$/),
  title: vine.string().trim().minLength(3).maxLength(160),
  summary: vine.string().trim().minLength(3).maxLength(2000),
  body: vine.string().trim().minLength(10).maxLength(100000),
  effectiveAt: vine.date({ formats: ['YYYY-MM-DD'] }),
})
