/** Background jobs of the helpdesk (registered in start/jobs.ts). Payloads carry ids only. */
import SendCsatSurvey from '#helpdesk/actions/send_csat_survey'
import WakeSnoozedTickets from '#helpdesk/actions/wake_snoozed_tickets'

export const WAKE_SNOOZED_TICKETS_JOB = 'helpdesk.wake_snoozed_tickets'
export { SEND_CSAT_SURVEY_JOB } from '#helpdesk/actions/update_ticket'

export async function sendCsatSurvey(data: { ticketId: string }) {
  await new SendCsatSurvey().handle(data.ticketId)
}

export async function wakeSnoozedTickets() {
  await new WakeSnoozedTickets().handle()
}
