/** Every module's background jobs, by name. Payloads carry ids only. */
import jobs from '#core/jobs'
import env from '#start/env'
import { purgeExpiredTokens } from '#identity/jobs/purge_expired_tokens'
import { reencryptScopeData } from '#vault/jobs/reencrypt_scope_data'
import { syncSourceJob, refetchUrlSourcesJob, SYNC_SOURCE_JOB, REFETCH_URL_SOURCES_JOB } from '#knowledge/jobs/knowledge_jobs'
import { sendCsatSurvey, wakeSnoozedTickets, SEND_CSAT_SURVEY_JOB, WAKE_SNOOZED_TICKETS_JOB } from '#helpdesk/jobs/helpdesk_jobs'

if (env.get('JOBS_MODE') === 'inline') jobs.useInline()

jobs.register('identity.purge_expired_tokens', purgeExpiredTokens, { cron: '17 3 * * *' })
jobs.register('vault.reencrypt_scope_data', reencryptScopeData, { retryLimit: 5 })
jobs.register(SEND_CSAT_SURVEY_JOB, sendCsatSurvey, { retryLimit: 5 })
jobs.register(WAKE_SNOOZED_TICKETS_JOB, wakeSnoozedTickets, { cron: '* * * * *', retryLimit: 1 })
// Governance: nightly retention sweep (a run per workspace, closed workspaces, platform log), hourly audit-chain anchors, notices to owners
import { retentionSweep, retentionRun, anchorAuditChains, RETENTION_SWEEP_JOB, RETENTION_RUN_JOB, ANCHOR_AUDIT_CHAINS_JOB } from '#governance/jobs/retention_jobs'
import { sendNotices, SEND_NOTICES_JOB } from '#governance/jobs/send_notices'
jobs.register(RETENTION_SWEEP_JOB, retentionSweep, { cron: '30 2 * * *', retryLimit: 2 })
jobs.register(RETENTION_RUN_JOB, retentionRun, { retryLimit: 5 })
jobs.register(ANCHOR_AUDIT_CHAINS_JOB, anchorAuditChains, { cron: '7 * * * *', retryLimit: 2 })
jobs.register(SEND_NOTICES_JOB, sendNotices, { retryLimit: 5 })
jobs.register(SYNC_SOURCE_JOB, syncSourceJob, { retryLimit: 2 })
jobs.register(REFETCH_URL_SOURCES_JOB, refetchUrlSourcesJob, { cron: '23 * * * *', retryLimit: 1 })
// Privacy desk: export archives and erasures of data-subject requests
import { buildExport, eraseSubject, BUILD_EXPORT_JOB, ERASE_SUBJECT_JOB } from '#privacy/jobs/privacy_jobs'
jobs.register(BUILD_EXPORT_JOB, buildExport, { retryLimit: 3 })
jobs.register(ERASE_SUBJECT_JOB, eraseSubject, { retryLimit: 5 })
// Billing: trial signals past their 12-month retention
import { purgeTrialSignals, PURGE_TRIAL_SIGNALS_JOB } from '#billing/jobs/purge_trial_signals'
jobs.register(PURGE_TRIAL_SIGNALS_JOB, purgeTrialSignals, { cron: '41 3 * * *' })
// Channels: expired widget sessions
import { purgeWidgetSessions, PURGE_WIDGET_SESSIONS_JOB } from '#channels/jobs/purge_widget_sessions'
jobs.register(PURGE_WIDGET_SESSIONS_JOB, purgeWidgetSessions, { cron: '11 * * * *' })
// Channels: email mailboxes synced every minute (backoff per mailbox), agents' email replies sent with retries
import { syncMailboxes, syncMailbox, sendEmailReply, SYNC_MAILBOXES_JOB, SYNC_MAILBOX_JOB, SEND_EMAIL_REPLY_JOB } from '#channels/jobs/email_jobs'
jobs.register(SYNC_MAILBOXES_JOB, syncMailboxes, { cron: '* * * * *', retryLimit: 0 })
jobs.register(SYNC_MAILBOX_JOB, syncMailbox, { retryLimit: 0 })
jobs.register(SEND_EMAIL_REPLY_JOB, sendEmailReply, { retryLimit: 5 })
