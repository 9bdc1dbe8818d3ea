import { declaredModules, type PersonalColumn, type SubjectType } from '#core/personal_data'
import { effectiveRules } from '#governance/services/effective_rules'
import { activeSubprocessors } from '#governance/services/subject_hooks'
import { RETENTION_RULES } from '#governance/services/retention_catalog'

/** One processing activity (GDPR Art. 30): a module's purpose over some categories of data. */
export interface RopaActivity {
  module: string
  purpose: string
  legalBasis: string
  subjects: string[]
  categories: string[]
  tables: string[]
  retention: string
  erasure: string[]
  protection: string[]
  recipients: string
}

const PLATFORM_SUBJECTS: SubjectType[] = ['workspace_user', 'operator', 'billing_contact']
const SUBJECT_LABELS: Record<SubjectType, string> = {
  workspace_user: 'Workspace users (owners, admins, agents, privacy staff)',
  operator: 'Platform operators',
  billing_contact: 'Billing contacts',
  contact: 'Contacts (end users of the workspace)',
  visitor: 'Widget and help-center visitors',
}

/**
 * Builds both records of processing from what the code declares: the
 * catalog (every personal column's purpose, basis, retention, erasure), the
 * retention rules in force and the subprocessor registry. Nothing is typed
 * by hand, so the record changes when the code does.
 */
export default class BuildRopa {
  async handle(workspaceId: string | null) {
    const rules = workspaceId ? await effectiveRules(workspaceId) : null
    const subprocessors = await activeSubprocessors()
    const recipients = subprocessors.length
      ? subprocessors.map((subprocessor) => `${subprocessor.name} (${subprocessor.country}, ${subprocessor.transferMechanism})`).join('; ')
      : 'None'
    const retentionText = (key: string) => {
      const rule = RETENTION_RULES.find((definition) => definition.catalogKeys.includes(key))
      if (!rule) return `${key.replaceAll('_', ' ')} (platform policy)`
      const days = rules?.find((effective) => effective.definition.key === rule.key)?.days ?? rule.defaultDays
      return rule.describe(days)
    }
    const activities = (subjects: SubjectType[]) => {
      const grouped = new Map<string, RopaActivity & { subjectSet: Set<string>; categorySet: Set<string>; erasureSet: Set<string>; protectionSet: Set<string>; retentionSet: Set<string> }>()
      for (const moduleDeclaration of declaredModules()) {
        for (const table of moduleDeclaration.tables) {
          for (const column of Object.values(table.columns)) {
            if (!column.personal || !subjects.includes(column.subject)) continue
            const personal = column as PersonalColumn
            const key = `${moduleDeclaration.module}|${personal.purpose}|${personal.legalBasis}`
            let activity = grouped.get(key)
            if (!activity) {
              activity = {
                module: moduleDeclaration.module,
                purpose: personal.purpose,
                legalBasis: personal.legalBasis.replaceAll('_', ' '),
                subjects: [],
                categories: [],
                tables: [],
                retention: '',
                erasure: [],
                protection: [],
                recipients,
                subjectSet: new Set(),
                categorySet: new Set(),
                erasureSet: new Set(),
                protectionSet: new Set(),
                retentionSet: new Set(),
              }
              grouped.set(key, activity)
            }
            activity.subjectSet.add(SUBJECT_LABELS[personal.subject])
            activity.categorySet.add(personal.category.replaceAll('_', ' '))
            activity.erasureSet.add(personal.erasure.replaceAll('_', ' '))
            if (personal.protectedAtRest) activity.protectionSet.add(personal.protectedAtRest.replaceAll('_', ' '))
            activity.retentionSet.add(retentionText(personal.retention))
            if (!activity.tables.includes(table.table)) activity.tables.push(table.table)
          }
        }
      }
      return [...grouped.values()].map(({ subjectSet, categorySet, erasureSet, protectionSet, retentionSet, ...activity }) => ({
        ...activity,
        subjects: [...subjectSet],
        categories: [...categorySet],
        erasure: [...erasureSet],
        protection: [...protectionSet],
        retention: [...retentionSet].join('; '),
      }))
    }
    return {
      controller: { role: 'Vaultdesk (the platform) as controller', activities: activities(PLATFORM_SUBJECTS) },
      processor: { role: 'Vaultdesk as processor on behalf of this workspace (the controller)', activities: activities(['contact', 'visitor']) },
    }
  }
}

export type Ropa = Awaited<ReturnType<BuildRopa['handle']>>

const CSV_COLUMNS: (keyof RopaActivity)[] = ['module', 'purpose', 'legalBasis', 'subjects', 'categories', 'tables', 'retention', 'erasure', 'protection', 'recipients']

function csvCell(value: unknown) {
  const text = Array.isArray(value) ? value.join('; ') : String(value ?? '')
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function ropaCsv(ropa: Ropa) {
  const lines = [['record', ...CSV_COLUMNS].join(',')]
  for (const [record, section] of [['controller', ropa.controller], ['processor', ropa.processor]] as const) {
    for (const activity of section.activities) lines.push([record, ...CSV_COLUMNS.map((column) => activity[column])].map(csvCell).join(','))
  }
  return lines.join('\n') + '\n'
}
