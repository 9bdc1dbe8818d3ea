import ReencryptScopeData from '#vault/actions/reencrypt_scope_data'

/** pg-boss handler: re-encrypts a scope's data after a DEK rotation (resumes from the saved cursor). */
export async function reencryptScopeData(data: { rotationId: string }) {
  await new ReencryptScopeData().handle(data.rotationId)
}
