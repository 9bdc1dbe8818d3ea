/** Every module's background jobs, by name. Payloads carry ids only. */
import jobs from '#core/jobs'
import env from '#start/env'
import { purgeExpiredTokens } from '#identity/jobs/purge_expired_tokens'
import { reencryptScopeData } from '#vault/jobs/reencrypt_scope_data'
import { sendCsatSurvey, wakeSnoozedTickets, SEND_CSAT_SURVEY_JOB, WAKE_SNOOZED_TICKETS_JOB } from '#helpdesk/jobs/helpdesk_jobs'

if (env.get('JOBS_MODE') === 'inline') jobs.useInline()

jobs.register('identity.purge_expired_tokens', purgeExpiredTokens, { cron: '17 3 * * *' })
jobs.register('vault.reencrypt_scope_data', reencryptScopeData, { retryLimit: 5 })
jobs.register(SEND_CSAT_SURVEY_JOB, sendCsatSurvey, { retryLimit: 5 })
jobs.register(WAKE_SNOOZED_TICKETS_JOB, wakeSnoozedTickets, { cron: '* * * * *', retryLimit: 1 })
