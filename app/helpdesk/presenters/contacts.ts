import type Contact from '#helpdesk/models/contact'
import type ContactExternalId from '#helpdesk/models/contact_external_id'

export interface ContactListItemDto {
  id: string
  name: string
  email: string | null
  phone: string | null
  ticketCount: number
  processingRestricted: boolean
  createdAt: string
}

export interface ContactDetailDto extends ContactListItemDto {
  rawName: string | null
  traits: Record<string, unknown>
  externalIds: { system: string; value: string }[]
  /** When processing was restricted (ISO), if it is. */
  processingRestrictedAt: string | null
  /** Per-purpose objections recorded by the privacy desk, oldest first. */
  processingObjections: { purpose: string; since: string }[]
}

export function contactListItemDto(contact: Contact): ContactListItemDto {
  return {
    id: contact.id,
    name: contact.displayName,
    email: contact.email,
    phone: contact.phone,
    ticketCount: Number(contact.$extras.tickets_count ?? 0),
    processingRestricted: Boolean(contact.processingRestrictedAt),
    createdAt: contact.createdAt.toISO()!,
  }
}

export function contactDetailDto(contact: Contact, externalIds: ContactExternalId[]): ContactDetailDto {
  return {
    ...contactListItemDto(contact),
    rawName: contact.name,
    traits: contact.traits ?? {},
    externalIds: externalIds.map((externalId) => ({ system: externalId.system, value: externalId.value })),
    processingRestrictedAt: contact.processingRestrictedAt?.toISO() ?? null,
    processingObjections: Object.entries(contact.processingObjections ?? {})
      .map(([purpose, since]) => ({ purpose, since }))
      .sort((a, b) => a.since.localeCompare(b.since) || a.purpose.localeCompare(b.purpose)),
  }
}
