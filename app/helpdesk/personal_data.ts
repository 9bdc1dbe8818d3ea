import { declarePersonalData, notPersonal, personal, type PersonalColumn } from '#core/personal_data'

/**
 * The helpdesk's tables. A contact's rows are found by `contact_id` (and
 * `workspace_id`) in every table below; content is sealed with the contact's
 * own key, so destroying that key crypto-shreds it wherever it was copied.
 */
const supportData = {
  subject: 'contact',
  purpose: 'Provide customer support: conversations between a workspace and its contacts',
  legalBasis: 'legitimate_interest',
  retention: 'support_data',
} as const

/** Content the contact (or an agent about the contact) wrote: sealed with the contact's key. */
const sealedContent = (category: PersonalColumn['category'], exported = true) =>
  personal({ ...supportData, category, erasure: 'crypto_shred', exported, protectedAtRest: 'encrypted' })

/** A blind index: a keyed hash, useless without the workspace's index key. */
const blindIndexColumn = personal({
  ...supportData,
  category: 'contact_details',
  erasure: 'delete',
  exported: false,
  protectedAtRest: 'keyed_hash',
})

const contactLink = personal({ ...supportData, category: 'conversation', erasure: 'delete', exported: false })
const agentLink = personal({
  subject: 'workspace_user',
  purpose: 'Know which staff member handled or wrote what',
  legalBasis: 'legitimate_interest',
  retention: 'support_data',
  category: 'account',
  erasure: 'anonymize',
  exported: true,
})
const conversationFact = personal({ ...supportData, category: 'conversation', erasure: 'delete', exported: true })

export const helpdeskPersonalData = declarePersonalData({
  module: 'helpdesk',
  tables: [
    {
      table: 'helpdesk_settings',
      description: 'Per-workspace helpdesk settings and the ticket-number counter',
      columns: {
        workspace_id: notPersonal('primary key (workspace)'),
        last_ticket_number: notPersonal('counter'),
        csat_enabled: notPersonal('setting'),
        csat_question: notPersonal('survey wording set by admins'),
        csat_link_days: notPersonal('setting'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'helpdesk_teams',
      description: 'Ticket queues (teams) defined by admins',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        name: notPersonal('team name'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'helpdesk_tags',
      description: 'Ticket tags defined by admins',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        name: notPersonal('tag label'),
        color: notPersonal('tag colour'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'helpdesk_custom_fields',
      description: 'Custom ticket field definitions (the values are sealed on tickets)',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        key: notPersonal('field key'),
        label: notPersonal('field label'),
        type: notPersonal('field type'),
        options: notPersonal('choices of a select field'),
        required: notPersonal('setting'),
        position: notPersonal('display order'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'canned_replies',
      description: 'Reply templates written by admins (body sealed with the workspace key)',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        title: notPersonal('template name'),
        body: notPersonal('template text with placeholders; sealed as free text'),
        created_by_user_id: agentLink,
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'contacts',
      description: 'The workspace’s contacts (end users); personal values sealed with each contact’s key',
      columns: {
        id: notPersonal('surrogate key (also the contact’s subject-key id)'),
        workspace_id: notPersonal('foreign key'),
        name: sealedContent('identity'),
        email: sealedContent('contact_details'),
        email_index: blindIndexColumn,
        phone: sealedContent('contact_details'),
        phone_index: blindIndexColumn,
        traits: sealedContent('identity'),
        processing_restricted_at: personal({
          ...supportData,
          category: 'consent',
          purpose: 'Honour a restriction or objection: no analytics or surveys for this contact',
          legalBasis: 'legal_obligation',
          erasure: 'retain_legal_basis',
          exported: true,
        }),
        processing_objections: personal({
          ...supportData,
          category: 'consent',
          purpose: 'Honour objections per purpose (analytics, surveys, AI, marketing), recorded by the privacy desk',
          legalBasis: 'legal_obligation',
          erasure: 'retain_legal_basis',
          exported: true,
        }),
        created_at: conversationFact,
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'contact_external_ids',
      description: 'A contact’s ids in other systems (sealed, with a blind index)',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        contact_id: contactLink,
        system: notPersonal('name of the other system'),
        value: sealedContent('identity'),
        value_index: blindIndexColumn,
        created_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'incidents',
      description: 'Problems many contacts report at once (outages); titles describe the problem, not a person',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        title: notPersonal('incident title'),
        status: notPersonal('state'),
        created_by_user_id: agentLink,
        resolved_at: notPersonal('timestamp'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'tickets',
      description: 'Conversations with contacts (subject and custom values sealed with the contact’s key)',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        number: notPersonal('per-workspace ticket number'),
        contact_id: contactLink,
        subject: sealedContent('conversation'),
        status: conversationFact,
        priority: conversationFact,
        channel: conversationFact,
        assignee_user_id: agentLink,
        team_id: notPersonal('foreign key (team)'),
        incident_id: notPersonal('foreign key (incident)'),
        custom_values: sealedContent('conversation'),
        snoozed_until: notPersonal('workflow timestamp'),
        version: notPersonal('optimistic-lock counter'),
        first_response_at: conversationFact,
        resolved_at: conversationFact,
        closed_at: conversationFact,
        last_message_at: conversationFact,
        created_at: conversationFact,
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'ticket_queue_counts',
      description: 'How many tickets each queue holds (status and assignee), kept by triggers on tickets for the inbox totals',
      columns: {
        workspace_id: notPersonal('workspace of the queue'),
        status: notPersonal('status of the queue'),
        // Follows tickets.assignee_user_id: when a user is deleted their tickets (and this count) become unassigned.
        assignee_user_id: personal({ ...agentLink, exported: false }),
        tickets: notPersonal('aggregate count'),
      },
    },
    {
      table: 'ticket_tags',
      description: 'Tags on tickets',
      columns: {
        workspace_id: notPersonal('foreign key'),
        ticket_id: notPersonal('foreign key (ticket)'),
        tag_id: notPersonal('foreign key (tag)'),
      },
    },
    {
      table: 'ticket_messages',
      description: 'Messages from contacts, agents’ replies and internal notes (bodies sealed with the contact’s key)',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        ticket_id: notPersonal('foreign key (ticket)'),
        contact_id: contactLink,
        kind: conversationFact,
        author_user_id: agentLink,
        author_kind: notPersonal('who wrote the message when no user did (the AI assistant)'),
        // Internal notes are staff's words about the contact: exported on access, never shown to contacts in the product.
        body: sealedContent('conversation'),
        created_at: conversationFact,
      },
    },
    {
      table: 'ticket_attachments',
      description: 'Files on messages: bytes sealed on the drive disk, names sealed here',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        ticket_id: notPersonal('foreign key (ticket)'),
        message_id: notPersonal('foreign key (message)'),
        contact_id: contactLink,
        filename: sealedContent('conversation'),
        content_type: notPersonal('file type'),
        size_bytes: notPersonal('file size'),
        storage_key: notPersonal('disk path made of ids (content sealed with the contact’s key)'),
        created_at: conversationFact,
      },
    },
    {
      table: 'csat_surveys',
      description: 'Satisfaction surveys mailed after resolution, with the score and optional comment',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        ticket_id: notPersonal('foreign key (ticket)'),
        contact_id: contactLink,
        token_hash: personal({
          ...supportData,
          category: 'security',
          erasure: 'delete',
          exported: false,
          protectedAtRest: 'hashed',
        }),
        score: conversationFact,
        comment: sealedContent('conversation'),
        sent_at: conversationFact,
        expires_at: notPersonal('link expiry'),
        rated_at: conversationFact,
        commented_at: conversationFact,
      },
    },
    {
      table: 'search_tokens',
      description: 'Keyed hashes of the words of tickets and messages (derived data; never the words)',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        token: personal({
          ...supportData,
          category: 'derived',
          purpose: 'Find tickets by the words they contain without storing the words',
          erasure: 'delete',
          exported: false,
          protectedAtRest: 'keyed_hash',
        }),
        ticket_id: notPersonal('foreign key (ticket)'),
        message_id: notPersonal('foreign key (message)'),
        contact_id: contactLink,
      },
    },
    {
      table: 'helpdesk_activities',
      description: 'Append-only record of staff actions in the helpdesk (ids and enum values only)',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        actor_user_id: agentLink,
        action: notPersonal('what was done'),
        ticket_id: notPersonal('reference (ticket)'),
        contact_id: contactLink,
        details: notPersonal('ids, counts and enum values only'),
        created_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'analytics_events',
      description: 'Helpdesk facts for reports (ids and numbers, never content); skipped for restricted contacts',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        type: notPersonal('event type'),
        ticket_id: notPersonal('reference (ticket)'),
        contact_id: personal({
          ...supportData,
          category: 'derived',
          purpose: 'Support reports (volume, response times, satisfaction)',
          erasure: 'delete',
          exported: false,
        }),
        agent_user_id: personal({ ...agentLink, category: 'usage', purpose: 'Support reports per agent', exported: false }),
        team_id: notPersonal('reference (team)'),
        channel: notPersonal('channel name'),
        tag_ids: notPersonal('references (tags)'),
        value: notPersonal('seconds or score'),
        occurred_at: notPersonal('event timestamp'),
      },
    },
  ],
})

// The privacy desk reaches contacts' rows through this provider (app/core/subject_data.ts).
import '#helpdesk/privacy_provider'
