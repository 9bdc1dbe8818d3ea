import { BasePolicy } from '@adonisjs/bouncer'

/** The actor's membership, structurally (the vault sits below identity and does not import it). */
interface WorkspaceMember {
  role: string
}

/** Keys are the owners' business: they see them and rotate them. */
export default class VaultPolicy extends BasePolicy {
  manageKeys(_user: unknown, actor: WorkspaceMember | undefined) {
    return actor?.role === 'owner'
  }
}
