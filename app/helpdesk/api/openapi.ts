/**
 * The OpenAPI 3.1 description of the helpdesk REST API, served at
 * GET /api/v1/openapi.json. Written by hand next to the routes; a test
 * compares its paths and scopes with the router and the guard, so the two
 * cannot drift apart.
 */
import { API_SCOPES, API_SCOPE_LABELS, TOKEN_PREFIX, type ApiScope } from '#helpdesk/api/scopes'
import { TICKET_PRIORITIES, TICKET_STATUSES } from '#helpdesk/models/ticket'

type Schema = Record<string, unknown>

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const nullable = (type: string, extra: Schema = {}) => ({ type: [type, 'null'], ...extra })
const uuid = { type: 'string', format: 'uuid' }
const dateTime = nullable('string', { format: 'date-time' })

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } })
const json = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } })
const one = (name: string) => ({ type: 'object', required: ['data'], properties: { data: ref(name) } })
const list = (name: string) => ({ type: 'object', required: ['data', 'meta'], properties: { data: { type: 'array', items: ref(name) }, meta: ref('PageMeta') } })

const idParameter = (what: string) => ({ name: 'id', in: 'path', required: true, description: `The ${what}'s id`, schema: uuid })
const pageParameters = [
  { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
  { name: 'per_page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
]

/** Statuses every protected operation can answer. */
const refusals = {
  '401': errorResponse('Missing, malformed, unknown, expired or revoked token'),
  '403': errorResponse('The token lacks the scope this operation needs'),
  '429': {
    ...errorResponse('Rate limit of the token reached; retry after `Retry-After` seconds'),
    headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds until a request is allowed again' } },
  },
}
const notFound = { '404': errorResponse('No such record in the token’s workspace (ids of other workspaces answer the same)') }
const invalid = { '422': json(ref('ValidationError'), 'Validation failed; `field` / `errors[].field` name the offending fields') }

function operation(scope: ApiScope, spec: { summary: string; operationId: string; description?: string; tag: string } & Schema) {
  const { tag, ...rest } = spec
  return {
    tags: [tag],
    security: [{ apiToken: [scope] }],
    'x-required-scope': scope,
    ...rest,
    responses: { ...(rest.responses as Schema), ...refusals },
  }
}

const schemas: Record<string, Schema> = {
  Error: {
    type: 'object',
    required: ['message'],
    properties: { message: { type: 'string', description: 'What went wrong, in words a developer can act on' }, code: { type: 'string' }, field: { type: 'string' } },
  },
  ValidationError: {
    type: 'object',
    required: ['message', 'errors'],
    properties: {
      message: { type: 'string' },
      code: { type: 'string', const: 'E_VALIDATION_ERROR' },
      errors: {
        type: 'array',
        items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' }, rule: { type: 'string' } } },
      },
    },
  },
  PageMeta: {
    type: 'object',
    required: ['page', 'per_page', 'total', 'last_page'],
    properties: { page: { type: 'integer' }, per_page: { type: 'integer' }, total: { type: 'integer' }, last_page: { type: 'integer' } },
  },
  ExternalId: {
    type: 'object',
    required: ['system', 'value'],
    properties: { system: { type: 'string', maxLength: 40, examples: ['crm'] }, value: { type: 'string', maxLength: 200 } },
  },
  Contact: {
    type: 'object',
    description: 'A person who writes to the workspace. Personal values are encrypted at rest; an erased contact reads as nulls with `erased: true`.',
    properties: {
      id: uuid,
      name: nullable('string'),
      email: nullable('string', { format: 'email' }),
      phone: nullable('string'),
      traits: nullable('object', { additionalProperties: { type: ['string', 'number', 'boolean', 'null'] } }),
      external_ids: { type: 'array', items: ref('ExternalId') },
      processing_restricted: { type: 'boolean', description: 'Restricted or objected (no analytics, no surveys)' },
      erased: { type: 'boolean' },
      created_at: dateTime,
      updated_at: dateTime,
    },
  },
  ContactInput: {
    type: 'object',
    description: 'At least one of name, email or phone. On update, fields left out keep their value; `external_ids` replaces the list.',
    properties: {
      name: nullable('string', { maxLength: 120 }),
      email: nullable('string', { format: 'email', maxLength: 254 }),
      phone: nullable('string', { maxLength: 40 }),
      traits: nullable('object', { additionalProperties: { type: ['string', 'number', 'boolean', 'null'] }, maxProperties: 50 }),
      external_ids: { type: 'array', items: ref('ExternalId'), maxItems: 20 },
    },
  },
  Ticket: {
    type: 'object',
    properties: {
      id: uuid,
      number: { type: 'integer', description: 'Shown as #123' },
      subject: nullable('string'),
      status: { enum: [...TICKET_STATUSES] },
      priority: { enum: [...TICKET_PRIORITIES] },
      channel: { type: 'string' },
      contact_id: uuid,
      contact: nullable('object', { properties: { id: uuid, name: nullable('string'), email: nullable('string') } }),
      assignee_id: nullable('string', { format: 'uuid' }),
      team_id: nullable('string', { format: 'uuid' }),
      tags: { type: 'array', items: { type: 'object', properties: { id: uuid, name: { type: 'string' } } } },
      custom_values: nullable('object'),
      version: { type: 'integer', description: 'Send it back on PATCH to be told (409) when someone changed the ticket meanwhile' },
      snoozed_until: dateTime,
      first_response_at: dateTime,
      resolved_at: dateTime,
      closed_at: dateTime,
      last_message_at: dateTime,
      created_at: dateTime,
      updated_at: dateTime,
    },
  },
  TicketCreate: {
    type: 'object',
    required: ['subject', 'body'],
    description: 'Opens a ticket with the contact’s first message (inbound). Give `contact_id`, or `contact` to find the sender by external id, email or phone (created when new).',
    properties: {
      contact_id: uuid,
      contact: {
        type: 'object',
        properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' }, phone: { type: 'string' }, external_id: ref('ExternalId') },
      },
      subject: { type: 'string', minLength: 1, maxLength: 200 },
      body: { type: 'string', minLength: 1, maxLength: 50000 },
      channel: { type: 'string', default: 'api', pattern: '^[a-z0-9_-]+$', maxLength: 32 },
      priority: { enum: [...TICKET_PRIORITIES] },
      assignee_id: nullable('string', { format: 'uuid' }),
      team_id: nullable('string', { format: 'uuid' }),
      tag_ids: { type: 'array', items: uuid, maxItems: 30 },
      custom_values: { type: 'object' },
    },
  },
  TicketUpdate: {
    type: 'object',
    properties: {
      version: { type: 'integer', minimum: 1 },
      status: { enum: [...TICKET_STATUSES] },
      priority: { enum: [...TICKET_PRIORITIES] },
      assignee_id: nullable('string', { format: 'uuid' }),
      team_id: nullable('string', { format: 'uuid' }),
      tag_ids: { type: 'array', items: uuid, maxItems: 30, description: 'The full set of tags' },
      custom_values: { type: 'object', description: 'Values by field key; null clears one' },
      snoozed_until: dateTime,
    },
  },
  Message: {
    type: 'object',
    properties: {
      id: uuid,
      ticket_id: uuid,
      kind: { enum: ['inbound', 'outbound', 'note'] },
      author_id: nullable('string', { format: 'uuid' }),
      body: nullable('string'),
      attachments: {
        type: 'array',
        items: { type: 'object', properties: { id: uuid, filename: { type: 'string' }, content_type: { type: 'string' }, size_bytes: { type: 'integer' } } },
      },
      created_at: dateTime,
    },
  },
  MessageCreate: {
    type: 'object',
    required: ['kind', 'body'],
    properties: {
      kind: { enum: ['inbound', 'outbound', 'note'], description: 'inbound: the contact wrote; outbound: an agent replied; note: internal' },
      body: { type: 'string', minLength: 1, maxLength: 50000 },
      author_id: { ...uuid, description: 'The agent (required for outbound and note)' },
    },
  },
}

const paths = {
  '/contacts': {
    get: operation('contacts:read', {
      tag: 'Contacts',
      operationId: 'listContacts',
      summary: 'List contacts, newest first',
      parameters: [...pageParameters, { name: 'q', in: 'query', description: 'Exact email, phone or external id', schema: { type: 'string' } }],
      responses: { '200': json(list('Contact'), 'A page of contacts'), ...invalid },
    }),
    post: operation('contacts:write', {
      tag: 'Contacts',
      operationId: 'createContact',
      summary: 'Create a contact',
      requestBody: { required: true, content: { 'application/json': { schema: ref('ContactInput') } } },
      responses: { '201': json(one('Contact'), 'The new contact'), ...invalid },
    }),
  },
  '/contacts/{id}': {
    get: operation('contacts:read', {
      tag: 'Contacts',
      operationId: 'getContact',
      summary: 'Get a contact',
      parameters: [idParameter('contact')],
      responses: { '200': json(one('Contact'), 'The contact'), ...notFound },
    }),
    patch: operation('contacts:write', {
      tag: 'Contacts',
      operationId: 'updateContact',
      summary: 'Update a contact (fields left out keep their value)',
      parameters: [idParameter('contact')],
      requestBody: { required: true, content: { 'application/json': { schema: ref('ContactInput') } } },
      responses: { '200': json(one('Contact'), 'The updated contact'), ...notFound, ...invalid },
    }),
  },
  '/tickets': {
    get: operation('tickets:read', {
      tag: 'Tickets',
      operationId: 'listTickets',
      summary: 'List tickets, latest activity first (default: open tickets)',
      parameters: [
        ...pageParameters,
        { name: 'status', in: 'query', schema: { enum: [...TICKET_STATUSES, 'all'] } },
        { name: 'assignee_id', in: 'query', description: 'A user id, or `unassigned`', schema: { type: 'string' } },
        { name: 'team_id', in: 'query', schema: uuid },
        { name: 'tag_id', in: 'query', schema: uuid },
        { name: 'priority', in: 'query', schema: { enum: [...TICKET_PRIORITIES] } },
        { name: 'channel', in: 'query', schema: { type: 'string' } },
        { name: 'contact_id', in: 'query', schema: uuid },
        { name: 'q', in: 'query', description: 'A ticket number (#123), an email, a phone number or words', schema: { type: 'string' } },
      ],
      responses: { '200': json(list('Ticket'), 'A page of tickets'), ...invalid },
    }),
    post: operation('tickets:write', {
      tag: 'Tickets',
      operationId: 'createTicket',
      summary: 'Open a ticket with the contact’s first message',
      requestBody: { required: true, content: { 'application/json': { schema: ref('TicketCreate') } } },
      responses: { '201': json(one('Ticket'), 'The new ticket'), ...notFound, ...invalid },
    }),
  },
  '/tickets/{id}': {
    get: operation('tickets:read', {
      tag: 'Tickets',
      operationId: 'getTicket',
      summary: 'Get a ticket',
      parameters: [idParameter('ticket')],
      responses: { '200': json(one('Ticket'), 'The ticket'), ...notFound },
    }),
    patch: operation('tickets:write', {
      tag: 'Tickets',
      operationId: 'updateTicket',
      summary: 'Change status, priority, assignee, team, tags, custom fields or snooze',
      parameters: [idParameter('ticket')],
      requestBody: { required: true, content: { 'application/json': { schema: ref('TicketUpdate') } } },
      responses: {
        '200': json(one('Ticket'), 'The updated ticket'),
        '409': errorResponse('The ticket changed since the `version` you sent'),
        ...notFound,
        ...invalid,
      },
    }),
  },
  '/tickets/{id}/messages': {
    get: operation('tickets:read', {
      tag: 'Messages',
      operationId: 'listTicketMessages',
      summary: 'List a ticket’s messages, oldest first',
      parameters: [idParameter('ticket'), ...pageParameters, { name: 'kind', in: 'query', schema: { enum: ['inbound', 'outbound', 'note'] } }],
      responses: { '200': json(list('Message'), 'A page of messages'), ...notFound, ...invalid },
    }),
    post: operation('tickets:write', {
      tag: 'Messages',
      operationId: 'createTicketMessage',
      summary: 'Add a message (a closed ticket gets a follow-up ticket for an inbound message)',
      parameters: [idParameter('ticket')],
      requestBody: { required: true, content: { 'application/json': { schema: ref('MessageCreate') } } },
      responses: { '201': json(one('Message'), 'The new message; `ticket_id` names the ticket it landed on'), ...notFound, ...invalid },
    }),
  },
  '/openapi.json': {
    get: {
      tags: ['Meta'],
      operationId: 'getOpenApiDocument',
      summary: 'This document',
      security: [],
      responses: { '200': { description: 'The OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } },
    },
  },
}

export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Vaultdesk helpdesk API',
      version: '1.0.0',
      description: [
        'Contacts, tickets and messages of one workspace, for integrations.',
        `Authenticate with an API token of the workspace (created by an owner or admin under "API tokens"; it starts with \`${TOKEN_PREFIX}\`) as \`Authorization: Bearer <token>\`.`,
        'Each token has scopes, expires, and can be revoked. Requests are rate limited per token (`X-RateLimit-Limit`, `X-RateLimit-Remaining`; `429` with `Retry-After`).',
        'Errors are JSON `{ message, code }`: 401 token refused, 403 scope missing, 404 not in this workspace, 409 changed meanwhile, 422 validation (naming the field), 429 rate limited.',
      ].join('\n\n'),
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    tags: [{ name: 'Contacts' }, { name: 'Tickets' }, { name: 'Messages' }, { name: 'Meta' }],
    components: {
      securitySchemes: {
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description: `Scopes: ${API_SCOPES.map((scope) => `\`${scope}\` (${API_SCOPE_LABELS[scope]})`).join(', ')}`,
        },
      },
      schemas,
    },
    paths,
  }
}
