import { audit } from '#core/audit'
import { UserFacingError } from '#core/errors'
import RetentionRule from '#governance/models/retention_rule'
import { refusalFor, ruleDefinition } from '#governance/services/retention_catalog'

/** Sets a workspace's period for one rule; periods outside the legal minimum or the policy's promise are refused with the reason. */
export default class SaveRetentionRule {
  async handle(input: { workspaceId: string; ruleKey: string; days: number; enabled: boolean; actorUserId: string }) {
    const definition = ruleDefinition(input.ruleKey)
    if (!definition) throw new UserFacingError('Unknown retention rule.', 'ruleKey')
    if (definition.fixed) throw new UserFacingError(`“${definition.label}” is set by law or by the platform's policy and cannot be changed per workspace.`, 'days')
    const refusal = refusalFor(definition, input.days)
    if (refusal) throw new UserFacingError(refusal, 'days')
    const rule = await RetentionRule.updateOrCreate(
      { workspaceId: input.workspaceId, ruleKey: input.ruleKey },
      { days: input.days, enabled: input.enabled, updatedByUserId: input.actorUserId }
    )
    await audit({ action: 'retention.rule_changed', workspaceId: input.workspaceId, targetType: 'retention_rule', targetId: input.ruleKey, metadata: { days: input.days, enabled: input.enabled } })
    return rule
  }
}
