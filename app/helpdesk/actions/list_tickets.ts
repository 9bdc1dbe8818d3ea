import db from '@adonisjs/lucid/services/db'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import { isUuid } from '#core/tenancy'
import Ticket, { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '#helpdesk/models/ticket'
import { whereHasAllWords } from '#helpdesk/services/search_index'
import { contactIdsMatching } from '#helpdesk/services/contact_lookup'

export interface TicketFilters {
  /** Defaults to open, or to all when searching. */
  status?: TicketStatus | 'all'
  /** 'me', 'unassigned' or a user id. */
  assignee?: string
  teamId?: string
  tagId?: string
  priority?: TicketPriority
  channel?: string
  contactId?: string
  incidentId?: string
  /** A ticket number (#123), an email address, a phone number, or words. */
  q?: string
}

export type SearchKind = { kind: 'number'; number: number } | { kind: 'email' | 'phone' | 'words'; value: string }

/** What a search box query looks for. */
export function searchKindOf(query: string): SearchKind {
  const q = query.trim()
  if (/^#?\d{1,9}$/.test(q)) return { kind: 'number', number: Number(q.replace('#', '')) }
  if (/^[^\s@]+@[^\s@]+$/.test(q)) return { kind: 'email', value: q }
  if (/^\+?[\d\s().-]{6,}$/.test(q) && q.replace(/\D/g, '').length >= 6) return { kind: 'phone', value: q }
  return { kind: 'words', value: q }
}

/** What a ticket list row shows: no custom values, no timestamps beyond activity. */
const LIST_COLUMNS = ['id', 'workspace_id', 'number', 'contact_id', 'subject', 'status', 'priority', 'channel', 'assignee_user_id', 'team_id', 'incident_id', 'snoozed_until', 'last_message_at']
const CONTACT_LIST_COLUMNS = ['id', 'workspace_id', 'name', 'email', 'phone']

export interface ListOptions {
  viewerUserId: string
  page?: number
  perPage?: number
  /**
   * 'preload' (default) loads assignee, team and tags as models; 'ids' leaves
   * them to a caller holding the reference lists and only reads the tag ids
   * of the page's tickets (into `$extras.tagIds`): one query instead of three.
   * With 'ids', only the columns a list shows are read (and decrypted).
   */
  references?: 'preload' | 'ids'
}

/** The inbox list: filters, search, newest activity first, paginated. Also used by the API. */
export default class ListTickets {
  async handle(workspaceId: string, filters: TicketFilters, options: ListOptions) {
    const query = Ticket.query().where('tickets.workspace_id', workspaceId)
    await this.#apply(query, workspaceId, filters, options.viewerUserId)
    query.orderBy('last_message_at', 'desc').orderBy('number', 'desc')
    if (options.references === 'ids') {
      query.select(LIST_COLUMNS.map((column) => `tickets.${column}`))
      query.preload('contact', (contact) => contact.select(CONTACT_LIST_COLUMNS))
    } else {
      query.preload('contact').preload('assignee').preload('team').preload('tags', (tags) => tags.orderBy('name'))
    }
    const page = await query.paginate(Math.max(1, options.page ?? 1), Math.min(100, options.perPage ?? 25))
    if (options.references === 'ids') await this.#readTagIds(workspaceId, page.all())
    return page
  }

  async #readTagIds(workspaceId: string, tickets: Ticket[]) {
    for (const ticket of tickets) ticket.$extras.tagIds = []
    if (tickets.length === 0) return
    const byId = new Map(tickets.map((ticket) => [ticket.id, ticket]))
    const rows = await db.from('ticket_tags').where('workspace_id', workspaceId).whereIn('ticket_id', [...byId.keys()]).select('ticket_id', 'tag_id')
    for (const row of rows) byId.get(row.ticket_id)!.$extras.tagIds.push(row.tag_id)
  }

  async #apply(query: ModelQueryBuilderContract<typeof Ticket>, workspaceId: string, filters: TicketFilters, viewerUserId: string) {
    const q = filters.q?.trim()
    const status = filters.status ?? (q ? 'all' : 'open')
    if (status !== 'all' && TICKET_STATUSES.includes(status)) query.where('status', status)
    if (filters.assignee === 'me') query.where('assignee_user_id', viewerUserId)
    else if (filters.assignee === 'unassigned') query.whereNull('assignee_user_id')
    else if (isUuid(filters.assignee)) query.where('assignee_user_id', filters.assignee)
    if (isUuid(filters.teamId)) query.where('team_id', filters.teamId)
    if (filters.priority && TICKET_PRIORITIES.includes(filters.priority)) query.where('priority', filters.priority)
    if (filters.channel) query.where('channel', filters.channel)
    if (isUuid(filters.contactId)) query.where('contact_id', filters.contactId)
    if (isUuid(filters.incidentId)) query.where('incident_id', filters.incidentId)
    if (isUuid(filters.tagId)) {
      query.whereIn('tickets.id', (sub) => sub.from('ticket_tags').select('ticket_id').where('workspace_id', workspaceId).where('tag_id', filters.tagId!))
    }
    if (!q) return
    const search = searchKindOf(q)
    if (search.kind === 'number') {
      query.where('number', search.number)
    } else if (search.kind === 'email' || search.kind === 'phone') {
      query.whereIn('contact_id', await contactIdsMatching(workspaceId, search.kind, search.value))
    } else {
      if (!(await whereHasAllWords(query, workspaceId, search.value))) query.whereRaw('false')
    }
  }
}
