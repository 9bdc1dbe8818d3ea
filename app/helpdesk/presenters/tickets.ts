/**
 * DTOs of tickets for pages and the API: explicit shapes, never models, so
 * no blind index, token hash or internal column reaches a browser. Internal
 * notes appear only in the staff view; `contactTranscriptDto` (what a
 * contact may see) leaves them out by construction.
 */
import type Ticket from '#helpdesk/models/ticket'
import type TicketMessage from '#helpdesk/models/ticket_message'
import type Contact from '#helpdesk/models/contact'
import type { TicketListRow } from '#helpdesk/actions/list_tickets'

export interface PersonRefDto {
  id: string
  name: string
}

export interface TagDto {
  id: string
  name: string
  color: string
}

export interface TicketListItemDto {
  id: string
  number: number
  subject: string
  status: string
  priority: string
  channel: string
  contact: PersonRefDto
  assignee: PersonRefDto | null
  team: { id: string; name: string } | null
  tags: TagDto[]
  incidentId: string | null
  lastMessageAt: string
  snoozedUntil: string | null
}

export interface AttachmentDto {
  id: string
  filename: string
  contentType: string
  sizeBytes: number
  url: string
}

export interface MessageDto {
  id: string
  kind: 'inbound' | 'outbound' | 'note'
  internal: boolean
  body: string
  author: PersonRefDto | null
  createdAt: string
  attachments: AttachmentDto[]
}

export interface CsatDto {
  score: number
  comment: string | null
  ratedAt: string
}

export interface TicketDetailDto extends TicketListItemDto {
  version: number
  customValues: Record<string, unknown>
  createdAt: string
  firstResponseAt: string | null
  resolvedAt: string | null
  closedAt: string | null
  contact: PersonRefDto & { email: string | null; phone: string | null; processingRestricted: boolean }
  incident: { id: string; title: string; status: string } | null
  messages: MessageDto[]
  csat: CsatDto[]
}

function contactRef(contact: Contact | null | undefined, id: string): PersonRefDto {
  return { id, name: contact ? contact.displayName : 'Unknown contact' }
}

/**
 * Names of the assignee, team and tags, when the caller already holds the
 * workspace's reference lists (the inbox does): list rows carry only ids.
 */
export interface TicketListLookups {
  agents: PersonRefDto[]
  teams: { id: string; name: string }[]
  tags: TagDto[]
}

export function ticketListItemDtos(rows: TicketListRow[], lookups: TicketListLookups): TicketListItemDto[] {
  const agents = new Map(lookups.agents.map((agent) => [agent.id, agent]))
  const teams = new Map(lookups.teams.map((team) => [team.id, team]))
  const tags = new Map(lookups.tags.map((tag) => [tag.id, tag]))
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    subject: row.subject ?? '(erased)',
    status: row.status,
    priority: row.priority,
    channel: row.channel,
    contact: { id: row.contactId, name: row.contactName },
    // An assignee who is no longer an agent keeps the ticket until someone reassigns it.
    assignee: row.assigneeUserId ? (agents.get(row.assigneeUserId) ?? { id: row.assigneeUserId, name: 'Former agent' }) : null,
    team: row.teamId ? (teams.get(row.teamId) ?? null) : null,
    tags: row.tagIds.flatMap((id) => tags.get(id) ?? []).sort((a, b) => a.name.localeCompare(b.name)),
    incidentId: row.incidentId,
    lastMessageAt: row.lastMessageAt,
    snoozedUntil: row.snoozedUntil,
  }))
}

export function ticketListItemDto(ticket: Ticket): TicketListItemDto {
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.isShredded ? '(erased)' : ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    channel: ticket.channel,
    contact: contactRef(ticket.contact, ticket.contactId),
    assignee: ticket.assignee ? { id: ticket.assignee.id, name: ticket.assignee.fullName } : null,
    team: ticket.team ? { id: ticket.team.id, name: ticket.team.name } : null,
    tags: (ticket.tags ?? []).map((tag) => ({ id: tag.id, name: tag.name, color: tag.color })),
    incidentId: ticket.incidentId,
    lastMessageAt: ticket.lastMessageAt.toISO()!,
    snoozedUntil: ticket.snoozedUntil?.toISO() ?? null,
  }
}

function messageDto(message: TicketMessage, ticket: Ticket, attachmentUrl: (ticketId: string, attachmentId: string) => string): MessageDto {
  const author =
    message.kind === 'inbound'
      ? contactRef(ticket.contact, ticket.contactId)
      : message.author
        ? { id: message.author.id, name: message.author.fullName }
        : message.authorKind === 'assistant'
          ? { id: 'assistant', name: 'AI assistant' }
          : message.authorKind === 'system'
            ? { id: 'system', name: 'Vaultdesk' }
            : null
  return {
    id: message.id,
    kind: message.kind,
    internal: message.isInternal,
    body: message.isShredded ? '(erased)' : message.body,
    author,
    createdAt: message.createdAt.toISO()!,
    attachments: (message.attachments ?? []).map((file) => ({
      id: file.id,
      filename: file.isShredded ? '(erased)' : file.filename,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      url: attachmentUrl(ticket.id, file.id),
    })),
  }
}

/** The staff view of a ticket (loaded by GetTicketConversation), notes included and marked internal. */
export function ticketDetailDto(ticket: Ticket, attachmentUrl: (ticketId: string, attachmentId: string) => string): TicketDetailDto {
  const contact = ticket.contact
  return {
    ...ticketListItemDto(ticket),
    version: ticket.version,
    customValues: ticket.customValues ?? {},
    createdAt: ticket.createdAt.toISO()!,
    firstResponseAt: ticket.firstResponseAt?.toISO() ?? null,
    resolvedAt: ticket.resolvedAt?.toISO() ?? null,
    closedAt: ticket.closedAt?.toISO() ?? null,
    contact: {
      ...contactRef(contact, ticket.contactId),
      email: contact?.email ?? null,
      phone: contact?.phone ?? null,
      processingRestricted: Boolean(contact?.processingRestrictedAt),
    },
    incident: ticket.incident ? { id: ticket.incident.id, title: ticket.incident.title, status: ticket.incident.status } : null,
    messages: (ticket.messages ?? []).map((message) => messageDto(message, ticket, attachmentUrl)),
    csat: (ticket.csatSurveys ?? []).map((survey) => ({ score: survey.score!, comment: survey.comment, ratedAt: survey.ratedAt!.toISO()! })),
  }
}

export interface ContactTranscriptDto {
  number: number
  subject: string
  status: string
  messages: { from: 'contact' | 'agent'; authorName: string | null; body: string; createdAt: string; attachments: { filename: string; sizeBytes: number }[] }[]
}

/**
 * What the contact may see of their conversation (for the widget, the
 * email channel and exports to the contact): their messages and the
 * agents' replies. Internal notes are filtered out here, by kind.
 */
export function contactTranscriptDto(ticket: Ticket): ContactTranscriptDto {
  return {
    number: ticket.number,
    subject: ticket.subject,
    status: ticket.status,
    messages: (ticket.messages ?? [])
      .filter((message) => message.kind === 'inbound' || message.kind === 'outbound')
      .map((message) => ({
        from: message.kind === 'inbound' ? ('contact' as const) : ('agent' as const),
        authorName: message.kind === 'outbound' ? (message.author?.fullName ?? (message.authorKind === 'assistant' ? 'AI assistant' : null)) : null,
        body: message.body,
        createdAt: message.createdAt.toISO()!,
        attachments: (message.attachments ?? []).map((file) => ({ filename: file.filename, sizeBytes: file.sizeBytes })),
      })),
  }
}
