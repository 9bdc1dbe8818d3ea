import { keyStore } from '#vault/services/key_store'
import type { ScopeId } from '#vault/services/scope'

/** Makes sure a scope has its own DEK and blind-index key (they are otherwise created on first use). */
export default class EnsureWorkspaceKeys {
  async handle(scope: ScopeId) {
    await keyStore.activeDataKey(scope)
    await keyStore.indexKey(scope)
  }
}
