/** Request types (GDPR Arts. 15–21, CCPA), regimes and states of the privacy desk. */
export const REQUEST_TYPES = ['access', 'portability', 'rectification', 'erasure', 'restriction', 'objection', 'withdraw_consent'] as const
export type RequestType = (typeof REQUEST_TYPES)[number]

export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  access: 'Access my data',
  portability: 'Get my data in a portable format',
  rectification: 'Correct my data',
  erasure: 'Erase my data',
  restriction: 'Restrict processing of my data',
  objection: 'Object to processing',
  withdraw_consent: 'Withdraw consent',
}

export const REGIMES = ['gdpr', 'ccpa'] as const
export type Regime = (typeof REGIMES)[number]
export const REGIME_LABELS: Record<Regime, string> = { gdpr: 'GDPR (EU/UK)', ccpa: 'CCPA (California)' }

export const REQUEST_STATUSES = ['received', 'verifying', 'verified', 'in_progress', 'completed', 'rejected'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]
export const OPEN_STATUSES: RequestStatus[] = ['received', 'verifying', 'verified', 'in_progress']

/** How the requester proved who they are (shown in the staff queue). */
export const VERIFICATION_METHODS = ['email', 'session', 'staff', 'widget_session'] as const
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number]
export const VERIFICATION_LABELS: Record<VerificationMethod, string> = {
  email: 'Email link',
  session: 'Signed-in account',
  staff: 'By staff',
  widget_session: 'Widget (signed in on the site)',
}

/** Processing purposes a subject can object to (the helpdesk and later modules honour them). */
export const OBJECTION_PURPOSES = ['analytics', 'surveys', 'ai', 'marketing'] as const
/** Consent-based purposes: withdrawing consent stops these. */
export const CONSENT_PURPOSES = ['marketing', 'surveys'] as const
