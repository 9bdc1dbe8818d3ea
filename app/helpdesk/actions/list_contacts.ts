import Contact from '#helpdesk/models/contact'
import { blindIndexFor } from '#vault/index'

/**
 * The contact list, newest first. Names are sealed, so search finds
 * contacts by exact email, phone or external id (blind indexes).
 */
export default class ListContacts {
  async handle(workspaceId: string, filters: { q?: string }, page = 1, perPage = 25) {
    const query = Contact.query().where('contacts.workspace_id', workspaceId)
    const q = filters.q?.trim()
    if (q) {
      const email = await blindIndexFor(workspaceId, 'email', q)
      const phone = /\d{4,}/.test(q) ? await blindIndexFor(workspaceId, 'phone', q) : null
      const externalId = await blindIndexFor(workspaceId, 'external_id', q)
      query.where((match) => {
        if (email) match.orWhere('email_index', email)
        if (phone) match.orWhere('phone_index', phone)
        if (externalId) {
          match.orWhereIn('id', (sub) => sub.from('contact_external_ids').select('contact_id').where('workspace_id', workspaceId).where('value_index', externalId))
        }
      })
    }
    return query.withCount('tickets').orderBy('created_at', 'desc').paginate(Math.max(1, page), perPage)
  }
}
