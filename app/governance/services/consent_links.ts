import { signedLink } from '#core/links'

export const CONSENT_ROUTE = 'governance.consent.show'

/** The one link a subject uses to see, give or withdraw consent (signed; valid a year). */
export function consentLink(workspaceId: string, subject: { type: string; id: string }) {
  return signedLink(CONSENT_ROUTE, { workspaceId, subjectType: subject.type, subjectId: subject.id }, '365d')
}
