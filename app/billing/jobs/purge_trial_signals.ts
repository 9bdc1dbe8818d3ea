import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'

export const PURGE_TRIAL_SIGNALS_JOB = 'billing.purge_trial_signals'
/** Retention `trial_signals`: long enough to catch a repeated trial, no longer. */
export const TRIAL_SIGNAL_RETENTION_MONTHS = 12

/** Nightly: deletes trial signals older than their retention. */
export async function purgeTrialSignals() {
  await db.from('billing_trial_signals').where('created_at', '<', DateTime.now().minus({ months: TRIAL_SIGNAL_RETENTION_MONTHS }).toJSDate()).delete()
}
