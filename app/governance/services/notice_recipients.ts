import db from '@adonisjs/lucid/services/db'

export interface NoticeRecipient {
  email: string
  fullName: string
  workspaceSlug: string
}

/**
 * Who hears about subprocessor and policy changes: every workspace owner
 * (the controller must be told, GDPR Art. 28(2)) and members who subscribed.
 * One mail per address, pointing at one of their workspaces.
 */
export async function noticeRecipients(): Promise<NoticeRecipient[]> {
  const rows = (await db
    .from('memberships')
    .join('users', 'users.id', 'memberships.user_id')
    .join('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .leftJoin('subprocessor_subscriptions', (join) => {
      join.on('subprocessor_subscriptions.user_id', 'memberships.user_id').andOn('subprocessor_subscriptions.workspace_id', 'memberships.workspace_id')
    })
    .where((query) => query.where('memberships.role', 'owner').orWhereNotNull('subprocessor_subscriptions.id'))
    .orderBy('memberships.created_at')
    .select('users.email', 'users.full_name', 'workspaces.slug')) as { email: string; full_name: string; slug: string }[]
  const byEmail = new Map<string, NoticeRecipient>()
  for (const row of rows) {
    const key = row.email.toLowerCase()
    if (!byEmail.has(key)) byEmail.set(key, { email: row.email, fullName: row.full_name, workspaceSlug: row.slug })
  }
  return [...byEmail.values()]
}
