import db from '@adonisjs/lucid/services/db'
import Workspace from '#identity/models/workspace'
import Membership from '#identity/models/membership'
import type User from '#identity/models/user'
import { UserFacingError } from '#core/errors'
import { audit } from '#core/audit'
import emitter from '@adonisjs/core/services/emitter'

declare module '@adonisjs/core/types' {
  interface EventsList {
    /** A workspace was created by its first owner (billing starts its trial). */
    'workspace:created': { workspaceId: string; ownerId: string }
  }
}

export interface CreateWorkspaceInput {
  name: string
  slug?: string | null
  timezone?: string | null
}

export function slugify(value: string) {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
}

/** Creates a workspace with the creator as its first owner. */
export default class CreateWorkspace {
  async handle(owner: User, input: CreateWorkspaceInput) {
    const slug = slugify(input.slug || input.name)
    if (slug.length < 3) {
      throw new UserFacingError('Choose an address of at least 3 letters or digits.', 'slug')
    }
    if (await Workspace.findBy('slug', slug)) {
      throw new UserFacingError(`The address "${slug}" is taken. Choose another.`, 'slug')
    }
    const workspace = await db.transaction(async (trx) => {
      const created = await Workspace.create(
        { name: input.name.trim(), slug, timezone: input.timezone || 'UTC' },
        { client: trx }
      )
      await Membership.create({ workspaceId: created.id, userId: owner.id, role: 'owner' }, { client: trx })
      return created
    })
    owner.lastWorkspaceId = workspace.id
    await owner.save()
    await audit({ action: 'workspace.created', workspaceId: workspace.id, targetType: 'workspace', targetId: workspace.id, actor: { type: 'user', id: owner.id } })
    await emitter.emit('workspace:created', { workspaceId: workspace.id, ownerId: owner.id })
    return workspace
  }
}
