/**
 * Public face of the helpdesk: other modules (channels, the API, privacy,
 * governance) import only from here. Actions take plain inputs and return
 * models; pages and API responses use the presenters' DTOs.
 */

// Models others may relate to
export { default as Contact, type ContactTraits } from '#helpdesk/models/contact'
export { default as ContactExternalId } from '#helpdesk/models/contact_external_id'
export { default as Ticket, TICKET_STATUSES, TICKET_PRIORITIES, TICKET_CHANNELS, type TicketStatus, type TicketPriority, type CustomValues } from '#helpdesk/models/ticket'
export { default as TicketMessage, MESSAGE_KINDS, type MessageKind } from '#helpdesk/models/ticket_message'
export { default as TicketAttachment } from '#helpdesk/models/ticket_attachment'
export { default as Tag } from '#helpdesk/models/tag'
export { default as Team } from '#helpdesk/models/team'
export { default as CustomField, CUSTOM_FIELD_TYPES, type CustomFieldType } from '#helpdesk/models/custom_field'
export { default as CannedReply } from '#helpdesk/models/canned_reply'
export { default as Incident } from '#helpdesk/models/incident'
export { default as CsatSurvey } from '#helpdesk/models/csat_survey'
export { default as HelpdeskActivity } from '#helpdesk/models/helpdesk_activity'
export { default as AnalyticsEvent, ANALYTICS_EVENT_TYPES, type AnalyticsEventType } from '#helpdesk/models/analytics_event'

// Contacts
export { default as CreateContact, type ContactInput, type ExternalIdInput } from '#helpdesk/actions/create_contact'
export { default as UpdateContact } from '#helpdesk/actions/update_contact'
export { default as MergeContacts, type MergeContactsInput, type MergeResult } from '#helpdesk/actions/merge_contacts'
export { default as ListContacts } from '#helpdesk/actions/list_contacts'
export { findContactByEmail, findContactByPhone, findContactByExternalId } from '#helpdesk/services/contact_lookup'

// Tickets and messages
export { default as CreateInboundMessage, type InboundMessageInput, type InboundMessageResult, type InboundSender } from '#helpdesk/actions/create_inbound_message'
export { default as CreateTicket, type CreateTicketInput } from '#helpdesk/actions/create_ticket'
export { default as AddTicketMessage, type AgentMessageInput } from '#helpdesk/actions/add_ticket_message'
export { default as UpdateTicket, type TicketChanges, type UpdateTicketInput } from '#helpdesk/actions/update_ticket'
export { default as BulkUpdateTickets, type BulkTicketChanges } from '#helpdesk/actions/bulk_update_tickets'
export { default as ListTickets, searchKindOf, type TicketFilters } from '#helpdesk/actions/list_tickets'
export { default as GetTicketConversation } from '#helpdesk/actions/get_ticket_conversation'
export { default as ReadAttachment } from '#helpdesk/actions/read_attachment'
export { default as WakeSnoozedTickets } from '#helpdesk/actions/wake_snoozed_tickets'
export { MAX_ATTACHMENT_BYTES, ALLOWED_ATTACHMENT_TYPES, type AttachmentInput } from '#helpdesk/services/attachment_store'

// Incidents, canned replies, CSAT
export { default as CreateIncident } from '#helpdesk/actions/create_incident'
export { default as LinkTicketsToIncident } from '#helpdesk/actions/link_tickets_to_incident'
export { default as PostIncidentUpdate } from '#helpdesk/actions/post_incident_update'
export { default as RenderCannedReply } from '#helpdesk/actions/render_canned_reply'
export { default as SendCsatSurvey } from '#helpdesk/actions/send_csat_survey'
export { default as RecordCsatRating } from '#helpdesk/actions/record_csat_rating'
export { default as AddCsatComment } from '#helpdesk/actions/add_csat_comment'

// Settings
export { default as SaveTag } from '#helpdesk/actions/save_tag'
export { default as DeleteTag } from '#helpdesk/actions/delete_tag'
export { default as SaveTeam } from '#helpdesk/actions/save_team'
export { default as DeleteTeam } from '#helpdesk/actions/delete_team'
export { default as SaveCustomField } from '#helpdesk/actions/save_custom_field'
export { default as DeleteCustomField } from '#helpdesk/actions/delete_custom_field'
export { default as SaveCannedReply } from '#helpdesk/actions/save_canned_reply'
export { default as DeleteCannedReply } from '#helpdesk/actions/delete_canned_reply'
export { default as UpdateHelpdeskSettings, settingsOf } from '#helpdesk/actions/update_helpdesk_settings'

// Analytics (reports)
export { default as RecordAnalyticsEvent, type AnalyticsEventInput } from '#helpdesk/actions/record_analytics_event'

// DTOs, policy, realtime, events, declarations
export { ticketListItemDto, ticketDetailDto, contactTranscriptDto, type TicketListItemDto, type TicketDetailDto, type ContactTranscriptDto, type MessageDto } from '#helpdesk/presenters/tickets'
export { contactListItemDto, contactDetailDto, type ContactListItemDto, type ContactDetailDto } from '#helpdesk/presenters/contacts'
export { default as HelpdeskPolicy } from '#helpdesk/policies/helpdesk_policy'
export { inboxChannel, authorizeInboxChannels, type InboxEvent } from '#helpdesk/services/realtime'
export { type MessageSentEvent } from '#helpdesk/events'
export { helpdeskPersonalData } from '#helpdesk/personal_data'
export { isProcessingAllowed, PROCESSING_PURPOSES, type ProcessingPurpose } from '#helpdesk/privacy_provider'
export { seedHelpdeskDemo } from '#helpdesk/demo_data'
