import type RetentionRun from '#governance/models/retention_run'
import type LegalHold from '#governance/models/legal_hold'
import type Subprocessor from '#governance/models/subprocessor'
import type PolicyVersion from '#governance/models/policy_version'
import type SupportGrant from '#governance/models/support_grant'
import type { EffectiveRule } from '#governance/services/effective_rules'

export const ruleDto = (rule: EffectiveRule) => ({
  key: rule.definition.key,
  category: rule.definition.category,
  label: rule.definition.label,
  description: rule.definition.describe(rule.days),
  days: rule.days,
  enabled: rule.enabled,
  fixed: Boolean(rule.definition.fixed),
  minDays: rule.definition.minDays ?? null,
  maxDays: rule.definition.maxDays ?? null,
  notCarriedOut: rule.notCarriedOut,
})

export const runDto = (run: RetentionRun) => ({
  id: run.id,
  trigger: run.trigger,
  status: run.status,
  counts: run.counts,
  skipped: run.skipped,
  attempts: run.attempts,
  startedAt: run.startedAt.toISO()!,
  finishedAt: run.finishedAt?.toISO() ?? null,
})

export const holdDto = (hold: LegalHold, targetLabel: string) => ({
  id: hold.id,
  scope: hold.scope,
  targetId: hold.targetId,
  target: targetLabel,
  reason: hold.reason,
  placedAt: hold.placedAt.toISO()!,
  releasedAt: hold.releasedAt?.toISO() ?? null,
  releaseReason: hold.releaseReason,
})

export const subprocessorDto = (subprocessor: Subprocessor) => ({
  id: subprocessor.id,
  name: subprocessor.name,
  legalEntity: subprocessor.legalEntity,
  country: subprocessor.country,
  category: subprocessor.category,
  purpose: subprocessor.purpose,
  region: subprocessor.region,
  transferMechanism: subprocessor.transferMechanism,
  status: subprocessor.status(),
  announcedAt: subprocessor.announcedAt.toISO()!,
  effectiveAt: subprocessor.effectiveAt.toISO()!,
  retiredAt: subprocessor.retiredAt?.toISO() ?? null,
})

export const policyVersionDto = (version: PolicyVersion, status: 'current' | 'upcoming' | 'past') => ({
  id: version.id,
  version: version.version,
  title: version.title,
  summary: version.summary,
  body: version.body,
  announcedAt: version.announcedAt.toISO()!,
  effectiveAt: version.effectiveAt.toISO()!,
  status,
})

export const grantDto = (grant: SupportGrant) => ({
  id: grant.id,
  hours: grant.hours,
  startsAt: grant.startsAt.toISO()!,
  expiresAt: grant.expiresAt.toISO()!,
  revokedAt: grant.revokedAt?.toISO() ?? null,
  active: grant.isActive(),
})
