/**
 * Request bodies and query strings of the REST API (snake_case, like the
 * responses). Ids that point at other records must belong to the token's
 * workspace (meta.workspaceId): another workspace's id is refused as a
 * validation error on that field, like an unknown one.
 */
import vine from '@vinejs/vine'
import { TICKET_PRIORITIES, TICKET_STATUSES } from '#helpdesk/models/ticket'
import { inWorkspace, ticketWorker, type WorkspaceMeta } from '#helpdesk/validators/workspace_rules'

type Meta = WorkspaceMeta

const page = {
  page: vine.number().withoutDecimals().min(1).max(10_000).optional(),
  per_page: vine.number().withoutDecimals().min(1).max(100).optional(),
}

const externalId = vine.object({
  system: vine.string().trim().minLength(1).maxLength(40),
  value: vine.string().trim().minLength(1).maxLength(200),
})

const contactFields = {
  name: vine.string().trim().maxLength(120).nullable().optional(),
  email: vine.string().trim().maxLength(254).email().nullable().optional(),
  phone: vine.string().trim().maxLength(40).regex(/^\+?[\d\s().-]{4,}$/).nullable().optional(),
  traits: vine.record(vine.any()).nullable().optional(),
  external_ids: vine.array(externalId).maxLength(20).optional(),
}

export const listContactsValidator = vine.create({
  ...page,
  q: vine.string().trim().maxLength(254).optional(),
})

export const createContactValidator = vine.create(contactFields)
export const updateContactValidator = vine.create(contactFields)

const tagIds = () => vine.array(vine.string().uuid().exists(inWorkspace('helpdesk_tags'))).maxLength(30)
const teamId = () => vine.string().uuid().exists(inWorkspace('helpdesk_teams')).nullable()
const assigneeId = () => vine.string().uuid().exists(ticketWorker).nullable()

export const listTicketsValidator = vine.create({
  ...page,
  status: vine.enum([...TICKET_STATUSES, 'all'] as const).optional(),
  /** A user id or "unassigned". */
  assignee_id: vine
    .string()
    .trim()
    .regex(/^(unassigned|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i)
    .optional(),
  team_id: vine.string().uuid().optional(),
  tag_id: vine.string().uuid().optional(),
  priority: vine.enum(TICKET_PRIORITIES).optional(),
  channel: vine.string().trim().maxLength(32).optional(),
  contact_id: vine.string().uuid().optional(),
  q: vine.string().trim().maxLength(200).optional(),
})

export const createTicketValidator = vine.withMetaData<Meta>().create({
  contact_id: vine.string().uuid().exists(inWorkspace('contacts')).optional().requiredIfMissing('contact'),
  /** Found by external id, email or phone, created when new. */
  contact: vine
    .object({
      name: vine.string().trim().maxLength(120).optional(),
      email: vine.string().trim().maxLength(254).email().optional(),
      phone: vine.string().trim().maxLength(40).regex(/^\+?[\d\s().-]{4,}$/).optional(),
      external_id: externalId.clone().optional(),
    })
    .optional(),
  subject: vine.string().trim().minLength(1).maxLength(200),
  body: vine.string().trim().minLength(1).maxLength(50_000),
  channel: vine.string().trim().toLowerCase().regex(/^[a-z0-9_-]+$/).maxLength(32).optional(),
  priority: vine.enum(TICKET_PRIORITIES).optional(),
  assignee_id: assigneeId().optional(),
  team_id: teamId().optional(),
  tag_ids: tagIds().optional(),
  custom_values: vine.record(vine.any()).optional(),
})

export const updateTicketValidator = vine.withMetaData<Meta>().create({
  /** The version you read: when the ticket changed since, the update is refused with 409. */
  version: vine.number().withoutDecimals().min(1).optional(),
  status: vine.enum(TICKET_STATUSES).optional(),
  priority: vine.enum(TICKET_PRIORITIES).optional(),
  assignee_id: assigneeId().optional(),
  team_id: teamId().optional(),
  tag_ids: tagIds().optional(),
  custom_values: vine.record(vine.any()).optional(),
  snoozed_until: vine.string().trim().maxLength(40).nullable().optional(),
})

export const listMessagesValidator = vine.create({
  ...page,
  kind: vine.enum(['inbound', 'outbound', 'note'] as const).optional(),
})

export const createMessageValidator = vine.withMetaData<Meta>().create({
  /** inbound: the contact wrote; outbound: an agent's reply; note: internal. */
  kind: vine.enum(['inbound', 'outbound', 'note'] as const),
  body: vine.string().trim().minLength(1).maxLength(50_000),
  /** The agent who writes an outbound reply or a note. */
  author_id: vine.string().uuid().exists(ticketWorker).optional().requiredWhen('kind', '!=', 'inbound'),
})
