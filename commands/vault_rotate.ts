import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * node ace vault:rotate --workspace <slug>   new DEK version, re-encrypt the workspace's data
 * node ace vault:rotate --platform           the same for the platform scope (workspace users' secrets)
 * node ace vault:rotate --kek                rewrap every DEK under the newest KEK of the keyring
 *
 * Runs in this process with progress; an unfinished rotation is resumed.
 */
export default class VaultRotate extends BaseCommand {
  static commandName = 'vault:rotate'
  static description = 'Rotate a workspace data key (re-encrypting its data) or rewrap all keys under a new KEK'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Slug of the workspace whose data key to rotate' })
  declare workspace?: string

  @flags.boolean({ description: 'Rotate the platform data key (workspace users’ secrets)' })
  declare platform?: boolean

  @flags.boolean({ description: 'Rewrap every data key under the newest key-encryption key' })
  declare kek?: boolean

  @flags.number({ description: 'Rows per batch', default: 500 })
  declare batchSize: number

  async run() {
    const chosen = [this.workspace, this.platform, this.kek].filter(Boolean).length
    if (chosen !== 1) {
      this.logger.error('Choose exactly one of --workspace <slug>, --platform or --kek')
      this.exitCode = 1
      return
    }
    try {
      if (this.kek) return await this.#rewrap()
      const scope = this.platform ? (await import('#vault/index')).PLATFORM_SCOPE : await this.#workspaceId(this.workspace!)
      if (!scope) return
      await this.#rotate(scope, this.platform ? 'the platform' : `workspace ${this.workspace}`)
    } catch (error) {
      this.logger.error(error instanceof Error ? error.message : String(error))
      this.exitCode = 1
    }
  }

  async #workspaceId(slug: string) {
    const { Workspace } = await import('#identity/index')
    const workspace = await Workspace.findBy('slug', slug)
    if (!workspace) {
      this.logger.error(`No workspace with the address "${slug}"`)
      this.exitCode = 1
      return null
    }
    return workspace.id
  }

  async #rotate(scope: string, label: string) {
    const { StartKeyRotation, ReencryptScopeData } = await import('#vault/index')
    const { rotation, resumed } = await new StartKeyRotation().handle(scope, { dispatch: false })
    this.logger.info(
      `${resumed ? 'Resuming' : 'Started'} the rotation of ${label}: data key v${rotation.fromVersion} → v${rotation.toVersion}, ${rotation.total} items to re-encrypt`
    )
    const done = await new ReencryptScopeData().handle(rotation.id, {
      batchSize: this.batchSize,
      onProgress: (progress) => this.logger.log(`  ${progress.processed}/${progress.total} (${progress.cursor?.target ?? 'done'})`),
    })
    this.logger.success(`Rotation ${done.status}: ${done.processed} items now under data key v${done.toVersion}`)
  }

  async #rewrap() {
    const { RewrapDataKeys } = await import('#vault/index')
    const rotation = await new RewrapDataKeys().handle((progress) => this.logger.log(`  ${progress.processed}/${progress.total}`))
    this.logger.success(`Rewrapped ${rotation.processed} keys under KEK version ${rotation.toVersion}`)
  }
}
