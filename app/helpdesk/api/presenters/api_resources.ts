/**
 * JSON shapes of the REST API (snake_case). Explicit fields only: no
 * ciphertext, blind index or internal column can leak by accident. The
 * OpenAPI document (openapi.ts) describes these same shapes.
 */
import type { DateTime } from 'luxon'
import type Contact from '#helpdesk/models/contact'
import type ContactExternalId from '#helpdesk/models/contact_external_id'
import type Ticket from '#helpdesk/models/ticket'
import type TicketMessage from '#helpdesk/models/ticket_message'

const iso = (value: DateTime | null | undefined) => (value ? value.toUTC().toISO() : null)

export function contactJson(contact: Contact, externalIds?: ContactExternalId[]) {
  const erased = contact.isShredded
  const links = externalIds ?? (contact.$preloaded.externalIds ? contact.externalIds : [])
  return {
    id: contact.id,
    name: erased ? null : contact.name,
    email: erased ? null : contact.email,
    phone: erased ? null : contact.phone,
    traits: erased ? null : (contact.traits ?? {}),
    external_ids: erased ? [] : links.map((link) => ({ system: link.system, value: link.value })),
    processing_restricted: contact.isProcessingRestricted,
    erased,
    created_at: iso(contact.createdAt),
    updated_at: iso(contact.updatedAt),
  }
}

export function ticketJson(ticket: Ticket) {
  const contact = ticket.$preloaded.contact ? ticket.contact : null
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.isShredded ? null : ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    channel: ticket.channel,
    contact_id: ticket.contactId,
    contact: contact ? { id: contact.id, name: contact.isShredded ? null : contact.name, email: contact.isShredded ? null : contact.email } : null,
    assignee_id: ticket.assigneeUserId,
    team_id: ticket.teamId,
    tags: ticket.$preloaded.tags ? ticket.tags.map((tag) => ({ id: tag.id, name: tag.name })) : [],
    custom_values: ticket.isShredded ? null : (ticket.customValues ?? {}),
    version: ticket.version,
    snoozed_until: iso(ticket.snoozedUntil),
    first_response_at: iso(ticket.firstResponseAt),
    resolved_at: iso(ticket.resolvedAt),
    closed_at: iso(ticket.closedAt),
    last_message_at: iso(ticket.lastMessageAt),
    created_at: iso(ticket.createdAt),
    updated_at: iso(ticket.updatedAt),
  }
}

export function messageJson(message: TicketMessage) {
  return {
    id: message.id,
    ticket_id: message.ticketId,
    kind: message.kind,
    author_id: message.authorUserId,
    body: message.isShredded ? null : message.body,
    attachments: message.$preloaded.attachments
      ? message.attachments.map((file) => ({ id: file.id, filename: file.filename, content_type: file.contentType, size_bytes: file.sizeBytes }))
      : [],
    created_at: iso(message.createdAt),
  }
}

interface Page {
  currentPage: number
  perPage: number
  total: number
  lastPage: number
}

/** `meta` of every list answer. */
export function pageMeta(page: Page) {
  return { page: page.currentPage, per_page: page.perPage, total: page.total, last_page: page.lastPage }
}

export function listJson<Row, Json>(page: Page & { all(): Row[] }, present: (row: Row) => Json) {
  return { data: page.all().map(present), meta: pageMeta(page) }
}
