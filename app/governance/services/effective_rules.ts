import RetentionRule from '#governance/models/retention_rule'
import { RETENTION_RULES, type RetentionRuleDefinition } from '#governance/services/retention_catalog'
import { retentionTargets } from '#core/retention_targets'

export interface EffectiveRule {
  definition: RetentionRuleDefinition
  days: number
  enabled: boolean
  customized: boolean
  /** Why the rule is not carried out in this build (no executor registered yet), or null. */
  notCarriedOut: string | null
}

const PLATFORM_EXECUTED = new Set(['account_data'])

/** Each rule with the workspace's own setting applied over the default. */
export async function effectiveRules(workspaceId: string): Promise<EffectiveRule[]> {
  const own = new Map((await RetentionRule.query().where('workspace_id', workspaceId)).map((rule) => [rule.ruleKey, rule]))
  return RETENTION_RULES.map((definition) => {
    const custom = definition.fixed ? undefined : own.get(definition.key)
    const hasExecutor = PLATFORM_EXECUTED.has(definition.key) || retentionTargets(definition.key).length > 0
    return {
      definition,
      days: custom?.days ?? definition.defaultDays,
      enabled: custom?.enabled ?? definition.enabledByDefault,
      customized: Boolean(custom),
      notCarriedOut: hasExecutor ? null : `Not carried out yet: the ${definition.module} module has no data of this kind in this build.`,
    }
  })
}

export function cutoffFor(days: number, now = new Date()) {
  return new Date(now.getTime() - days * 24 * 60 * 60 * 1000)
}
