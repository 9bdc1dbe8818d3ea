import db from '@adonisjs/lucid/services/db'
import { ModelPaginator } from '@adonisjs/lucid/orm'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { isUuid } from '#core/tenancy'
import { runPrepared } from '#core/prepared_statement'
import { openRawRows } from '#vault/index'
import type { PaginationDto } from '#core/pagination'
import Ticket, { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '#helpdesk/models/ticket'
import Contact from '#helpdesk/models/contact'
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

export interface ListOptions {
  viewerUserId: string
  page?: number
  perPage?: number
}

/** One row of the inbox list, read without models: names of assignee, team and tags come from the reference lists. */
export interface TicketListRow {
  id: string
  number: number
  /** null when the contact's key was destroyed (erased). */
  subject: string | null
  status: string
  priority: string
  channel: string
  contactId: string
  contactName: string
  assigneeUserId: string | null
  teamId: string | null
  incidentId: string | null
  tagIds: string[]
  snoozedUntil: string | null
  lastMessageAt: string
}

interface RawListRow {
  id: string
  workspace_id: string
  number: number
  contact_id: string
  subject: string | null
  status: string
  priority: string
  channel: string
  assignee_user_id: string | null
  team_id: string | null
  incident_id: string | null
  /** Timestamps as PostgreSQL writes them in JSON (ISO 8601). */
  snoozed_until: string | null
  last_message_at: string
  contact_name: string | null
  contact_email: string | null
  contact_phone: string | null
  tag_ids: string[]
}

/** Filters whose totals the queue counts answer (ticket_queue_counts has these columns). */
const QUEUE_COUNT_FILTERS = new Set(['status', 'assignee'])

type TicketQuery = ModelQueryBuilderContract<typeof Ticket> | DatabaseQueryBuilderContract

/** The knex builder behind a Lucid one, with Lucid's deferred where clauses applied (toKnex is not in the public contract). */
function knexOf(query: DatabaseQueryBuilderContract) {
  return (query as unknown as { toKnex(): unknown }).toKnex()
}

/** The inbox list: filters, search, newest activity first, paginated. Also used by the API. */
export default class ListTickets {
  /** Tickets as models with contact, assignee, team and tags preloaded (the API and the smaller lists). */
  async handle(workspaceId: string, filters: TicketFilters, options: ListOptions) {
    const page = Math.max(1, options.page ?? 1)
    const perPage = Math.min(100, options.perPage ?? 25)
    const query = Ticket.query().where('tickets.workspace_id', workspaceId)
    await this.#apply(query, workspaceId, filters, options.viewerUserId)
    query.orderBy('last_message_at', 'desc').orderBy('number', 'desc')
    query.preload('contact').preload('assignee').preload('team').preload('tags', (tags) => tags.orderBy('name'))
    const counts = this.#countsQuery(db.connection(), workspaceId, filters, options.viewerUserId)
    if (!counts) return query.paginate(page, perPage)
    // A queue's total from the kept counts, as in rows(); the page itself as models with their relations.
    const [{ total }] = (await counts) as { total: string | number }[]
    const rows = Number(total) > 0 ? await query.forPage(page, perPage) : []
    const paginator = new ModelPaginator(Number(total), perPage, page, ...rows)
    paginator.namingStrategy = Ticket.namingStrategy
    return paginator
  }

  /**
   * The inbox's hot path: the page, its total, contact names and tag ids in
   * one statement answering one row of JSON, opened by the vault without
   * building models (the inbox is the most requested page; models and round
   * trips cost more than the query). `alongside` is an SQL expression the
   * caller wants in the same round trip (the inbox's reference lists).
   */
  async rows<Alongside = undefined>(
    workspaceId: string,
    filters: TicketFilters,
    options: ListOptions & { alongside?: { sql: string; bindings: unknown[] } }
  ): Promise<{ rows: TicketListRow[]; pagination: PaginationDto; alongside: Alongside }> {
    const page = Math.max(1, options.page ?? 1)
    const perPage = Math.min(100, options.perPage ?? 25)
    const client = db.connection()
    const filtered = client.from('tickets').where('tickets.workspace_id', workspaceId)
    await this.#apply(filtered, workspaceId, filters, options.viewerUserId)
    const pageQuery = filtered
      .clone()
      .select(LIST_COLUMNS.map((column) => `tickets.${column}`))
      .orderBy('last_message_at', 'desc')
      .orderBy('number', 'desc')
      .limit(perPage)
      .offset((page - 1) * perPage)
    const countQuery = this.#countsQuery(client, workspaceId, filters, options.viewerUserId) ?? filtered.clone().count('*')
    const alongside = options.alongside ? client.getReadClient().raw(options.alongside.sql, options.alongside.bindings as any[]) : client.getReadClient().raw('null')
    const statement = client.getReadClient().raw(
      `WITH page AS ?
       SELECT coalesce((
                SELECT json_agg(listed ORDER BY listed.last_message_at DESC, listed.number DESC)
                  FROM (SELECT page.*, contacts.name AS contact_name, contacts.email AS contact_email, contacts.phone AS contact_phone,
                               array(SELECT tag_id FROM ticket_tags WHERE ticket_tags.workspace_id = page.workspace_id AND ticket_tags.ticket_id = page.id) AS tag_ids
                          FROM page LEFT JOIN LATERAL (SELECT name, email, phone FROM contacts WHERE contacts.id = page.contact_id AND contacts.workspace_id = page.workspace_id LIMIT 1) contacts ON true) listed
              ), '[]'::json) AS rows,
              ? AS total,
              (?) AS alongside`,
      // Builders as bindings, inlined by knex as parenthesised subqueries; toKnex() applies Lucid's where clauses.
      [knexOf(pageQuery), knexOf(countQuery), alongside] as any[]
    )
    // Without a search the text depends only on which filters are set: prepared once per connection.
    // (A search's text varies with its number of words, so it runs unnamed.)
    const { sql, bindings } = statement.toSQL()
    const [answer] = await runPrepared<{ rows: RawListRow[]; total: string | number; alongside: Alongside }>(client, filters.q?.trim() ? null : 'inbox_list', sql, bindings)
    const total = Number(answer.total)
    return { rows: await this.#open(answer.rows), pagination: { page, perPage, total, lastPage: Math.max(1, Math.ceil(total / perPage)) }, alongside: answer.alongside }
  }

  async #open(raw: RawListRow[]): Promise<TicketListRow[]> {
    const contacts = new Map<string, { id: string; workspace_id: string; name: string | null; email: string | null; phone: string | null }>()
    for (const row of raw) {
      // A list names the contact: the email is opened only without a name, the phone only without either.
      const email = row.contact_name === null ? row.contact_email : null
      const phone = row.contact_name === null && row.contact_email === null ? row.contact_phone : null
      contacts.set(row.contact_id, { id: row.contact_id, workspace_id: row.workspace_id, name: row.contact_name, email, phone })
    }
    const client = db.connection()
    const contactList = [...contacts.values()]
    const ticketsShredded = await openRawRows(Ticket, raw, client)
    const contactsShredded = await openRawRows(Contact, contactList, client)
    const erased = new Set(contactList.filter((_, index) => contactsShredded[index]).map((contact) => contact.id))
    return raw.map((row, index) => {
      const contact = contacts.get(row.contact_id)
      return {
        id: row.id,
        number: row.number,
        subject: ticketsShredded[index] ? null : row.subject,
        status: row.status,
        priority: row.priority,
        channel: row.channel,
        contactId: row.contact_id,
        contactName: contact ? Contact.displayNameOf(contact, erased.has(row.contact_id)) : 'Unknown contact',
        assigneeUserId: row.assignee_user_id,
        teamId: row.team_id,
        incidentId: row.incident_id,
        tagIds: row.tag_ids,
        snoozedUntil: row.snoozed_until,
        lastMessageAt: row.last_message_at,
      }
    })
  }

  /**
   * The total of a queue (status and assignee filters only, the inbox's
   * common views) from the counts the tickets table's triggers keep
   * (migration 0104): a few rows instead of counting every matching ticket.
   * Any other filter or a search counts the tickets themselves.
   */
  #countsQuery(client: QueryClientContract, workspaceId: string, filters: TicketFilters, viewerUserId: string) {
    const set = Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')
    if (!set.every(([name]) => QUEUE_COUNT_FILTERS.has(name))) return null
    const query = client.from('ticket_queue_counts').where('workspace_id', workspaceId)
    this.#applyQueue(query, filters, viewerUserId)
    return query.select(client.getReadClient().raw('coalesce(sum(tickets), 0) AS total'))
  }

  /** The queue a list shows: status and assignee (the columns tickets and ticket_queue_counts share). */
  #applyQueue(query: TicketQuery, filters: TicketFilters, viewerUserId: string) {
    const status = filters.status ?? (filters.q?.trim() ? 'all' : 'open')
    if (status !== 'all' && TICKET_STATUSES.includes(status)) query.where('status', status)
    if (filters.assignee === 'me') query.where('assignee_user_id', viewerUserId)
    else if (filters.assignee === 'unassigned') query.whereNull('assignee_user_id')
    else if (isUuid(filters.assignee)) query.where('assignee_user_id', filters.assignee)
  }

  async #apply(query: TicketQuery, workspaceId: string, filters: TicketFilters, viewerUserId: string) {
    const q = filters.q?.trim()
    this.#applyQueue(query, filters, viewerUserId)
    if (isUuid(filters.teamId)) query.where('team_id', filters.teamId)
    if (filters.priority && TICKET_PRIORITIES.includes(filters.priority)) query.where('priority', filters.priority)
    if (filters.channel) query.where('channel', filters.channel)
    if (isUuid(filters.contactId)) query.where('contact_id', filters.contactId)
    if (isUuid(filters.incidentId)) query.where('incident_id', filters.incidentId)
    if (isUuid(filters.tagId)) {
      query.whereIn('tickets.id', (sub: any) => sub.from('ticket_tags').select('ticket_id').where('workspace_id', workspaceId).where('tag_id', filters.tagId!))
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
