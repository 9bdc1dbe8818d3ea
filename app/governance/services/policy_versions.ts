import { DateTime } from 'luxon'
import PolicyVersion from '#governance/models/policy_version'
import { policyVersionDto } from '#governance/presenters/governance'

/** Every version with its status: the latest one in effect is current, later ones upcoming. */
export async function policyVersionsWithStatus(now = DateTime.now()) {
  const versions = await PolicyVersion.query().orderBy('effective_at', 'desc')
  const current = versions.find((version) => version.effectiveAt <= now)
  return versions.map((version) => policyVersionDto(version, version.effectiveAt > now ? 'upcoming' : version === current ? 'current' : 'past'))
}
