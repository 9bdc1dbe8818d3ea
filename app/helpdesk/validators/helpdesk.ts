/**
 * VineJS validators of the helpdesk. Ids that point at other records are
 * checked against the current workspace (meta.workspaceId), so an id of
 * another workspace is refused at the door like an unknown one.
 */
import vine from '@vinejs/vine'
import { TICKET_PRIORITIES, TICKET_STATUSES } from '#helpdesk/models/ticket'
import { CUSTOM_FIELD_TYPES } from '#helpdesk/models/custom_field'
import { TAG_COLORS } from '#helpdesk/models/tag'
import { inWorkspace, ticketWorker, type WorkspaceMeta } from '#helpdesk/validators/workspace_rules'

type Meta = WorkspaceMeta

const tagIds = () => vine.array(vine.string().uuid().exists(inWorkspace('helpdesk_tags'))).maxLength(30)
const teamId = () => vine.string().uuid().exists(inWorkspace('helpdesk_teams')).nullable()
const assigneeUserId = () => vine.string().uuid().exists(ticketWorker).nullable()
const body = () => vine.string().trim().maxLength(50_000)

export const inboxFiltersValidator = vine.create({
  status: vine.enum([...TICKET_STATUSES, 'all'] as const).optional(),
  assignee: vine.string().trim().maxLength(40).optional(),
  teamId: vine.string().uuid().optional(),
  tagId: vine.string().uuid().optional(),
  priority: vine.enum(TICKET_PRIORITIES).optional(),
  channel: vine.string().trim().maxLength(32).optional(),
  q: vine.string().trim().maxLength(200).optional(),
  page: vine.number().min(1).max(10_000).optional(),
})

export const createTicketValidator = vine.withMetaData<Meta>().create({
  contactId: vine.string().uuid().exists(inWorkspace('contacts')).optional().requiredIfMissing('contactEmail'),
  contactEmail: vine.string().trim().maxLength(254).email().optional(),
  contactName: vine.string().trim().maxLength(120).optional(),
  subject: vine.string().trim().minLength(1).maxLength(200),
  body: body().minLength(1),
  priority: vine.enum(TICKET_PRIORITIES).optional(),
  assigneeUserId: assigneeUserId().optional(),
  teamId: teamId().optional(),
  tagIds: tagIds().optional(),
})

export const updateTicketValidator = vine.withMetaData<Meta>().create({
  version: vine.number().withoutDecimals().min(1),
  status: vine.enum(TICKET_STATUSES).optional(),
  priority: vine.enum(TICKET_PRIORITIES).optional(),
  assigneeUserId: assigneeUserId().optional(),
  teamId: teamId().optional(),
  tagIds: tagIds().optional(),
  customValues: vine.record(vine.any()).optional(),
  snoozedUntil: vine.string().trim().maxLength(40).nullable().optional(),
})

export const messageValidator = vine.create({
  kind: vine.enum(['outbound', 'note'] as const),
  body: body().optional(),
})

export const bulkTicketsValidator = vine.withMetaData<Meta>().create({
  // Ticket ids are records acted on: a foreign one answers 404 (checked by the action).
  ticketIds: vine.array(vine.string().uuid()).minLength(1).maxLength(100),
  action: vine.enum(['assign', 'tag', 'status'] as const),
  assigneeUserId: assigneeUserId().optional().requiredWhen('action', '=', 'assign'),
  tagIds: tagIds().minLength(1).optional().requiredWhen('action', '=', 'tag'),
  status: vine.enum(['open', 'pending', 'resolved', 'closed'] as const).optional().requiredWhen('action', '=', 'status'),
})

const externalId = vine.object({
  system: vine.string().trim().minLength(1).maxLength(40),
  value: vine.string().trim().minLength(1).maxLength(200),
})

export const contactValidator = vine.create({
  name: vine.string().trim().maxLength(120).optional(),
  email: vine.string().trim().maxLength(254).email().optional(),
  phone: vine.string().trim().maxLength(40).regex(/^\+?[\d\s().-]{4,}$/).optional(),
  traits: vine.record(vine.any()).optional(),
  externalIds: vine.array(externalId).maxLength(20).optional(),
})

export const mergeContactsValidator = vine.withMetaData<Meta>().create({
  sourceContactId: vine.string().uuid().exists(inWorkspace('contacts')),
})

export const incidentValidator = vine.create({
  title: vine.string().trim().minLength(1).maxLength(160),
  ticketIds: vine.array(vine.string().uuid()).maxLength(500).optional(),
})

export const linkTicketsValidator = vine.create({
  ticketIds: vine.array(vine.string().uuid()).minLength(1).maxLength(500),
})

export const incidentUpdateValidator = vine.create({
  body: body().minLength(1),
  resolve: vine.boolean().optional(),
})

export const tagValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(40),
  color: vine.enum(TAG_COLORS).optional(),
})

export const teamValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(80),
})

export const customFieldValidator = vine.create({
  label: vine.string().trim().minLength(1).maxLength(80),
  type: vine.enum(CUSTOM_FIELD_TYPES).optional(),
  options: vine.array(vine.string().trim().minLength(1).maxLength(80)).maxLength(50).optional(),
  required: vine.boolean().optional(),
})

export const cannedReplyValidator = vine.create({
  title: vine.string().trim().minLength(1).maxLength(120),
  body: body().minLength(1),
})

export const csatSettingsValidator = vine.create({
  csatEnabled: vine.boolean(),
  csatQuestion: vine.string().trim().maxLength(200).optional(),
  csatLinkDays: vine.number().withoutDecimals().min(1).max(30).optional(),
})

export const csatCommentValidator = vine.create({
  comment: vine.string().trim().minLength(1).maxLength(2000),
})
