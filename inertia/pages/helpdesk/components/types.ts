/** Shapes of the helpdesk DTOs (mirror app/helpdesk/presenters). */
export type TicketStatus = 'open' | 'pending' | 'snoozed' | 'resolved' | 'closed'
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent'

export interface PersonRef {
  id: string
  name: string
}

export interface TagRef {
  id: string
  name: string
  color: string
}

export interface TicketListItem {
  id: string
  number: number
  subject: string
  status: TicketStatus
  priority: TicketPriority
  channel: string
  contact: PersonRef
  assignee: PersonRef | null
  team: { id: string; name: string } | null
  tags: TagRef[]
  incidentId: string | null
  lastMessageAt: string
  snoozedUntil: string | null
}

export interface Attachment {
  id: string
  filename: string
  contentType: string
  sizeBytes: number
  url: string
}

export interface Message {
  id: string
  kind: 'inbound' | 'outbound' | 'note'
  internal: boolean
  body: string
  author: PersonRef | null
  createdAt: string
  attachments: Attachment[]
}

export interface TicketDetail extends TicketListItem {
  version: number
  customValues: Record<string, unknown>
  createdAt: string
  firstResponseAt: string | null
  resolvedAt: string | null
  closedAt: string | null
  contact: PersonRef & { email: string | null; phone: string | null; processingRestricted: boolean }
  incident: { id: string; title: string; status: string } | null
  messages: Message[]
  csat: { score: number; comment: string | null; ratedAt: string }[]
}

export interface CustomFieldDef {
  id: string
  key: string
  label: string
  type: 'text' | 'number' | 'date' | 'select' | 'multi_select' | 'checkbox'
  options: string[]
  required: boolean
}

export interface TeamRef {
  id: string
  name: string
}

export interface CannedReplyRef {
  id: string
  title: string
}

export interface InboxFilters {
  status?: TicketStatus | 'all'
  assignee?: string
  teamId?: string
  tagId?: string
  priority?: TicketPriority
  channel?: string
  q?: string
}
