import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import User from '#identity/models/user'
import Workspace from '#identity/models/workspace'
import Membership from '#identity/models/membership'
import Invitation from '#identity/models/invitation'
import UserToken from '#identity/models/user_token'
import RecoveryCode from '#identity/models/recovery_code'
import { generateToken } from '#identity/services/one_time_token'

export const DEFAULT_TEST_PASSWORD = 'correct-horse-battery'

export const UserFactory = factory
  .define(User, ({ faker }) => ({
    fullName: faker.person.fullName(),
    email: faker.internet.email().toLowerCase(),
    password: DEFAULT_TEST_PASSWORD,
    emailVerifiedAt: DateTime.now(),
    isOperator: false,
  }))
  .state('unverified', (user) => (user.emailVerifiedAt = null))
  .build()

export const WorkspaceFactory = factory
  .define(Workspace, ({ faker }) => ({
    name: faker.company.name().slice(0, 70),
    slug: `${faker.helpers.slugify(faker.company.buzzNoun()).toLowerCase().slice(0, 30)}-${faker.string.alphanumeric(6).toLowerCase()}`,
    timezone: 'UTC',
  }))
  .build()

export const MembershipFactory = factory
  .define(Membership, () => ({ role: 'agent' as const }))
  .relation('user', () => UserFactory)
  .relation('workspace', () => WorkspaceFactory)
  .build()

export const InvitationFactory = factory
  .define(Invitation, ({ faker }) => ({
    email: faker.internet.email().toLowerCase(),
    role: 'agent' as const,
    tokenHash: generateToken().tokenHash,
    expiresAt: DateTime.now().plus({ days: 7 }),
  }))
  .relation('workspace', () => WorkspaceFactory)
  .build()

export const UserTokenFactory = factory
  .define(UserToken, () => ({
    purpose: 'email_verification' as const,
    tokenHash: generateToken().tokenHash,
    expiresAt: DateTime.now().plus({ hours: 1 }),
  }))
  .build()

export const RecoveryCodeFactory = factory
  .define(RecoveryCode, () => ({ codeHash: generateToken().tokenHash }))
  .build()
