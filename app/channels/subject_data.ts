/**
 * What the privacy desk finds and erases of a contact in the channels
 * module: the thread metadata of their emails (Message-IDs can hold
 * addresses). Their messages themselves belong to the helpdesk's provider.
 */
import { registerSubjectDataProvider, type SubjectIdentifiers } from '#core/subject_data'
import EmailMessage from '#channels/models/email_message'

function contactIds(subject: SubjectIdentifiers) {
  return subject.workspaceId ? (subject.ids.contact ?? []) : []
}

export function registerChannelsSubjectData() {
  registerSubjectDataProvider({
    module: 'channels',
    async collect(subject) {
      const ids = contactIds(subject)
      if (!ids.length) return []
      const rows = await EmailMessage.query().where('workspace_id', subject.workspaceId!).whereIn('contact_id', ids).orderBy('created_at')
      const exported = rows.filter((row) => !row.isShredded).map((row) => ({ rfc_message_id: row.rfcMessageId }))
      return exported.length ? [{ module: 'channels', table: 'email_messages', category: 'technical' as const, rows: exported }] : []
    },
    async erase(subject) {
      const ids = contactIds(subject)
      if (!ids.length) return []
      const deleted = await EmailMessage.query().where('workspace_id', subject.workspaceId!).whereIn('contact_id', ids).delete()
      return [{ module: 'channels', table: 'email_messages', category: 'technical', action: 'deleted', rows: Number(deleted) || 0 }]
    },
  })
}
