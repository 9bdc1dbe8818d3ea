import StartTrial from '#billing/actions/start_trial'

/** The demo workspace starts on its free trial, like any new workspace. */
export async function seedBillingDemo(workspaceId: string, ownerEmail: string) {
  await new StartTrial().handle({ workspaceId, ownerEmail })
}
