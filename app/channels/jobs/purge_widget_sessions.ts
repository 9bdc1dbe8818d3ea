import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'

export const PURGE_WIDGET_SESSIONS_JOB = 'channels.purge_widget_sessions'

/** Hourly: expired visitor sessions are deleted (the conversation itself stays with the ticket). */
export async function purgeWidgetSessions() {
  await db.from('widget_sessions').where('expires_at', '<', DateTime.now().toJSDate()).delete()
}
