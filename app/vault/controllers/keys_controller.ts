import type { HttpContext } from '@adonisjs/core/http'
import VaultPolicy from '#vault/policies/vault_policy'
import EnsureWorkspaceKeys from '#vault/actions/ensure_workspace_keys'
import DescribeWorkspaceKeys from '#vault/actions/describe_workspace_keys'
import StartKeyRotation from '#vault/actions/start_key_rotation'

/** The workspace's Keys & encryption page (owners only). */
export default class KeysController {
  async show({ inertia, workspace, membership, bouncer }: HttpContext) {
    await bouncer.with(VaultPolicy).authorize('manageKeys', membership)
    await new EnsureWorkspaceKeys().handle(workspace!.id)
    return inertia.render('vault/security', {
      workspace: { name: workspace!.name, slug: workspace!.slug },
      keys: await new DescribeWorkspaceKeys().handle(workspace!.id),
    })
  }

  async rotate({ response, session, workspace, membership, bouncer }: HttpContext) {
    await bouncer.with(VaultPolicy).authorize('manageKeys', membership)
    const { rotation, resumed } = await new StartKeyRotation().handle(workspace!.id)
    session.flash(
      'success',
      resumed
        ? `Resumed the rotation to data key version ${rotation.toVersion}.`
        : `Rotation started: new data is encrypted with key version ${rotation.toVersion}; existing data is being re-encrypted.`
    )
    return response.redirect().back()
  }
}
