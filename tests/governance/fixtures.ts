/** Governance test data: tickets aged by SQL (retention works on dates), contacts, operators. */
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { UserFactory } from '#database/factories/identity_factories'
import { contactWritesIn } from '#tests/helpdesk/fixtures'

export { contactWritesIn, helpdeskGroup as governanceGroup, asMember } from '#tests/helpdesk/fixtures'

/** A ticket with its contact, then moved back in time with the given status. */
export async function agedTicket(workspaceId: string, input: { status: 'open' | 'pending' | 'resolved' | 'closed'; daysAgo: number; contactEmail?: string }) {
  const { ticket, contact } = await contactWritesIn(workspaceId, input.contactEmail ? { from: { email: input.contactEmail, name: 'Held Person' } } : {})
  const at = DateTime.now().minus({ days: input.daysAgo }).toJSDate()
  const resolved = ['resolved', 'closed'].includes(input.status)
  await db.from('tickets').where('id', ticket.id).update({ status: input.status, last_message_at: at, resolved_at: resolved ? at : null, closed_at: input.status === 'closed' ? at : null })
  await db.from('contacts').where('id', contact.id).update({ updated_at: at, created_at: at })
  return { ticket, contact }
}

export async function countOf(table: string, where: Record<string, unknown>) {
  const [row] = await db.from(table).where(where).count('* as n')
  return Number(row.n)
}

export async function operatorUser() {
  return UserFactory.merge({ isOperator: true }).create()
}
