import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { blindIndexFor } from '#vault/index'
import Contact from '#helpdesk/models/contact'
import ContactExternalId from '#helpdesk/models/contact_external_id'

/** Contacts are found by exact email, phone or external id through blind indexes (the values are sealed). */
export async function findContactByEmail(workspaceId: string, email: string | null | undefined, client?: QueryClientContract) {
  const index = await blindIndexFor(workspaceId, 'email', email, client)
  if (!index) return null
  return Contact.query({ client }).where('workspace_id', workspaceId).where('email_index', index).first()
}

export async function findContactByPhone(workspaceId: string, phone: string | null | undefined, client?: QueryClientContract) {
  const index = await blindIndexFor(workspaceId, 'phone', phone, client)
  if (!index) return null
  return Contact.query({ client }).where('workspace_id', workspaceId).where('phone_index', index).orderBy('created_at').first()
}

export async function findContactByExternalId(
  workspaceId: string,
  externalId: { system: string; value: string } | null | undefined,
  client?: QueryClientContract
) {
  if (!externalId) return null
  const index = await blindIndexFor(workspaceId, 'external_id', externalId.value, client)
  if (!index) return null
  const link = await ContactExternalId.query({ client })
    .where('workspace_id', workspaceId)
    .where('system', externalId.system)
    .where('value_index', index)
    .first()
  return link ? Contact.query({ client }).where('workspace_id', workspaceId).where('id', link.contactId).first() : null
}

/** Ids of the workspace's contacts with this email or phone (for ticket search). */
export async function contactIdsMatching(workspaceId: string, kind: 'email' | 'phone', value: string, client?: QueryClientContract) {
  const index = await blindIndexFor(workspaceId, kind, value, client)
  if (!index) return []
  const rows = await (client ?? db.connection())
    .from('contacts')
    .where('workspace_id', workspaceId)
    .where(kind === 'email' ? 'email_index' : 'phone_index', index)
    .select('id')
  return rows.map((row: { id: string }) => row.id)
}
