/** Event listeners that connect modules without upward imports. */
import emitter from '@adonisjs/core/services/emitter'
import RecordAuditEntry from '#governance/actions/record_audit_entry'

emitter.on('audit', (event) => new RecordAuditEntry().handle(event).then(() => undefined))

// Billing: plan limits for lower modules, and a trial for every new workspace
import '#billing/register_limits'
import { StartTrialForNewWorkspace } from '#billing/index'
emitter.on('workspace:created', (event) => new StartTrialForNewWorkspace().handle(event))

// Assistant: writes knowledge-source summaries (the knowledge base sits below it)
import { registerAssistantHooks } from '#assistant/index'
registerAssistantHooks()

// Channels: agents' replies reach open widget sessions live
import { deliverWidgetReply } from '#channels/index'
emitter.on('helpdesk:message_sent', (event) => deliverWidgetReply(event))

// Channels: mailbox providers, and agents' replies on email tickets go out through the ticket's mailbox
import '#channels/services/mail/providers'
import { queueEmailReply } from '#channels/jobs/email_jobs'
emitter.on('helpdesk:message_sent', (event) => queueEmailReply(event))
