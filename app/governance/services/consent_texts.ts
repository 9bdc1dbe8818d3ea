import ConsentPurpose from '#governance/models/consent_purpose'
import ConsentPurposeVersion from '#governance/models/consent_purpose_version'

export interface ConsentText {
  key: string
  name: string
  version: number
  text: string
  textHash: string
}

/**
 * The current (latest) text of a workspace's consent purposes, for whoever
 * shows the choice (the widget): what is shown must be exactly what is stored,
 * so the grant can point at its hash. Optionally only the given keys, in that order.
 */
export async function currentConsentTexts(workspaceId: string, keys?: string[]): Promise<ConsentText[]> {
  const query = ConsentPurpose.query().where('workspace_id', workspaceId).orderBy('name')
  if (keys) query.whereIn('key', keys.length ? keys : [''])
  const purposes = await query
  if (!purposes.length) return []
  const versions = await ConsentPurposeVersion.query()
    .where('workspace_id', workspaceId)
    .whereIn('purpose_id', purposes.map((purpose) => purpose.id))
    .orderBy('version', 'desc')
  const texts = purposes.flatMap((purpose) => {
    const latest = versions.find((version) => version.purposeId === purpose.id)
    return latest ? [{ key: purpose.key, name: purpose.name, version: latest.version, text: latest.text, textHash: latest.textHash }] : []
  })
  return keys ? keys.flatMap((key) => texts.filter((text) => text.key === key)) : texts
}

/** Purpose ids to keys, to read `consentStateOf` (which is keyed by purpose id). */
export async function consentPurposeKeysById(workspaceId: string) {
  const purposes = await ConsentPurpose.query().where('workspace_id', workspaceId).select('id', 'key')
  return new Map(purposes.map((purpose) => [purpose.id, purpose.key]))
}
