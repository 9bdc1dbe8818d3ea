import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { audit } from '#core/audit'
import ConsentPurpose from '#governance/models/consent_purpose'
import ConsentPurposeVersion from '#governance/models/consent_purpose_version'

export function consentTextHash(text: string) {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/**
 * Creates a purpose, or gives it a new text version when the words change
 * (old events keep pointing at the exact text they were given for).
 */
export default class SaveConsentPurpose {
  async handle(input: { workspaceId: string; key: string; name: string; text: string }) {
    const saved = await db.transaction(async (trx) => {
      let purpose = await ConsentPurpose.query({ client: trx }).where('workspace_id', input.workspaceId).where('key', input.key).forUpdate().first()
      if (!purpose) {
        purpose = await ConsentPurpose.create({ workspaceId: input.workspaceId, key: input.key, name: input.name }, { client: trx })
      } else if (purpose.name !== input.name) {
        purpose.useTransaction(trx)
        purpose.name = input.name
        await purpose.save()
      }
      const latest = await ConsentPurposeVersion.query({ client: trx }).where('purpose_id', purpose.id).orderBy('version', 'desc').first()
      const textHash = consentTextHash(input.text)
      if (latest && latest.textHash === textHash) return { purpose, version: latest, created: false }
      const version = await ConsentPurposeVersion.create(
        { workspaceId: input.workspaceId, purposeId: purpose.id, version: (latest?.version ?? 0) + 1, text: input.text, textHash },
        { client: trx }
      )
      return { purpose, version, created: true }
    })
    // After the commit: the audit log writes in its own transaction.
    if (saved.created) {
      await audit({ action: 'consent.purpose_saved', workspaceId: input.workspaceId, targetType: 'consent_purpose', targetId: saved.purpose.id, metadata: { version: saved.version.version } })
    }
    return { purpose: saved.purpose, version: saved.version }
  }
}
