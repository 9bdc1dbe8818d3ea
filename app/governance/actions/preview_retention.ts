import { retentionTargets } from '#core/retention_targets'
import { activeHolds } from '#governance/services/legal_holds'
import { cutoffFor, effectiveRules } from '#governance/services/effective_rules'

export interface RetentionPreviewItem {
  rule: string
  target: string
  noun: string
  action: 'delete' | 'close'
  count: number
}

/** Dry run: what a run would do now, per target, with legal holds applied. Changes nothing. */
export default class PreviewRetention {
  async handle(workspaceId: string) {
    const holds = await activeHolds(workspaceId)
    const items: RetentionPreviewItem[] = []
    if (!holds.workspace) {
      for (const rule of await effectiveRules(workspaceId)) {
        if (!rule.enabled) continue
        const scope = { workspaceId, cutoff: cutoffFor(rule.days), heldContactIds: holds.contactIds, heldTicketIds: holds.ticketIds }
        for (const target of retentionTargets(rule.definition.key)) {
          items.push({ rule: rule.definition.key, target: target.key, noun: target.noun, action: target.action, count: await target.count(scope) })
        }
      }
    }
    return { items, summary: summarize(items, holds.workspace), holds }
  }
}

/** "This run would delete 1,204 tickets and 3 contacts and close 2 tickets." */
export function summarize(items: RetentionPreviewItem[], workspaceHeld: boolean) {
  if (workspaceHeld) return 'Nothing would be deleted: the whole workspace is under a legal hold.'
  const phrase = (action: 'delete' | 'close') =>
    items
      .filter((item) => item.action === action && item.count > 0)
      .map((item) => `${item.count.toLocaleString('en-US')} ${item.count === 1 ? singular(item.noun) : item.noun}`)
  const parts = [
    phrase('delete').length ? `delete ${joinAnd(phrase('delete'))}` : null,
    phrase('close').length ? `close ${joinAnd(phrase('close'))}` : null,
  ].filter(Boolean)
  return parts.length ? `This run would ${parts.join(' and ')}.` : 'This run would change nothing: no data is past its retention period.'
}

function singular(noun: string) {
  if (noun.includes(' and ')) return noun
  return noun.endsWith('ies') ? `${noun.slice(0, -3)}y` : noun.replace(/s$/, '')
}

function joinAnd(parts: string[]) {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}
