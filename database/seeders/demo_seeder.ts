import { DateTime } from 'luxon'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import db from '@adonisjs/lucid/services/db'
import User from '#identity/models/user'
import Workspace from '#identity/models/workspace'
import Membership from '#identity/models/membership'
import type { Role } from '#identity/roles'
import { seedHelpdeskDemo } from '#helpdesk/demo_data'
import { seedPrivacyDemo } from '#privacy/index'
import { seedGovernanceDemo } from '#governance/index'
import { seedKnowledgeDemo } from '#knowledge/index'
import { seedBillingDemo } from '#billing/index'
import { seedChannelsDemo } from '#channels/index'

export const DEMO_LOGIN = { email: 'owner@demo.vaultdesk.test', password: 'vaultdesk-demo' }

const DEMO_USERS: { email: string; fullName: string; role: Role }[] = [
  { email: DEMO_LOGIN.email, fullName: 'Olivia Owner', role: 'owner' },
  { email: 'admin@demo.vaultdesk.test', fullName: 'Adam Admin', role: 'admin' },
  { email: 'agent@demo.vaultdesk.test', fullName: 'Ada Agent', role: 'agent' },
  { email: 'privacy@demo.vaultdesk.test', fullName: 'Priya Privacy', role: 'privacy' },
]

export const DEMO_OPERATOR_EMAIL = 'operator@demo.vaultdesk.test'

/** The demo workspace "Acme Support" with one user in every role (same password). */
export async function seedDemoWorkspace() {
  const workspace = await db.transaction(async (trx) => {
    const workspace = await Workspace.create({ name: 'Acme Support', slug: 'acme', timezone: 'Europe/Berlin' }, { client: trx })
    for (const demoUser of DEMO_USERS) {
      const user = await User.create(
        {
          email: demoUser.email,
          fullName: demoUser.fullName,
          password: DEMO_LOGIN.password,
          emailVerifiedAt: DateTime.now(),
          lastWorkspaceId: workspace.id,
        },
        { client: trx }
      )
      await Membership.create({ workspaceId: workspace.id, userId: user.id, role: demoUser.role }, { client: trx })
    }
    // A platform operator (operator console), member of no workspace: sees workspace data only with a support grant.
    await User.create(
      { email: DEMO_OPERATOR_EMAIL, fullName: 'Otto Operator', password: DEMO_LOGIN.password, emailVerifiedAt: DateTime.now(), isOperator: true },
      { client: trx }
    )
    return workspace
  })
  // After the commit: the helpdesk seeding opens its own transactions (one connection on PGlite).
  await seedHelpdeskDemo(workspace.id)
  await seedPrivacyDemo(workspace.id)
  await seedGovernanceDemo(workspace.id)
  await seedKnowledgeDemo(workspace.id)
  await seedBillingDemo(workspace.id, DEMO_LOGIN.email)
  await seedChannelsDemo(workspace.id)
}

export async function seedDemoWorkspaceIfEmpty() {
  const existing = await User.query().limit(1).first()
  if (!existing) await seedDemoWorkspace()
}

export default class DemoSeeder extends BaseSeeder {
  static environment = ['development', 'test']

  async run() {
    await seedDemoWorkspaceIfEmpty()
  }
}
