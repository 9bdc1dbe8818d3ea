import { test } from '@japa/runner'
import { declaredTables } from '#core/personal_data'
import { RecordConsent, SaveConsentPurpose } from '#governance/index'
import { collectSubjectData, resolveSubject } from '#privacy/services/subject_lookup'
import { contactWithHistory, privacyGroup, privacyWorkspace } from '#tests/privacy/fixtures'

/**
 * Every module's provider hands the privacy desk rows keyed by the catalog's
 * column names, with exactly the columns declared exported: an access export
 * can then never carry an undeclared field, whichever module adds data.
 */
test.group('Subject-data providers and the catalog', (group) => {
  privacyGroup(group)

  test('each provider returns exactly the exported columns of the tables it names', async ({ assert }) => {
    const { workspace } = await privacyWorkspace()
    const { email, contact } = await contactWithHistory(workspace.id)
    const { version } = await new SaveConsentPurpose().handle({ workspaceId: workspace.id, key: 'marketing_emails', name: 'Marketing emails', text: 'Product news by email.' })
    await new RecordConsent().handle({ workspaceId: workspace.id, subject: { type: 'contact', id: contact.id }, purposeKey: 'marketing_emails', decision: 'grant', textHash: version.textHash, channel: 'widget', ip: '203.0.113.9' })

    const subject = await resolveSubject({ workspaceId: workspace.id, emails: [email], phones: [], externalIds: [], ids: {} })
    const records = await collectSubjectData(subject)
    const declared = declaredTables()
    const problems: string[] = []
    for (const record of records) {
      const declaration = declared.get(record.table)?.declaration
      if (!declaration) {
        problems.push(`${record.module}: ${record.table} is not in the catalog`)
        continue
      }
      const exported = Object.entries(declaration.columns).filter(([, column]) => column.personal && column.exported).map(([name]) => name)
      for (const row of record.rows) {
        const extra = Object.keys(row).filter((key) => !exported.includes(key))
        const missing = exported.filter((key) => !(key in row))
        if (extra.length) problems.push(`${record.table}: not declared exported: ${extra.join(', ')}`)
        if (missing.length) problems.push(`${record.table}: declared exported but missing: ${missing.join(', ')}`)
      }
    }
    assert.deepEqual([...new Set(problems)], [])
    assert.includeMembers(records.filter((record) => record.rows.length > 0).map((record) => record.table), ['contacts', 'tickets', 'ticket_messages', 'consent_events'])
  })
})
