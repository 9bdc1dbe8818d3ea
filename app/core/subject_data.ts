/**
 * How the privacy desk reaches a data subject's records without knowing any
 * module's tables. Each module that stores personal data registers one
 * provider here (in its `personal_data.ts`, next to its column declarations):
 * it finds the subject's rows, exports them and erases them following the
 * erasure strategy its catalog declares. Governance registers erasure guards
 * (legal holds) and recipient sources (subprocessors); integrations and
 * billing add recipients. The kernel imports no module; modules import this.
 */
import type { PersonalDataCategory, SubjectType } from '#core/personal_data'

/** Who a request is about, as the privacy desk resolved it. */
export interface SubjectIdentifiers {
  /** null for platform-level subjects (workspace users asking the platform). */
  workspaceId: string | null
  emails: string[]
  phones: string[]
  externalIds: string[]
  /** Record ids already resolved by earlier providers, by subject type (e.g. contact ids). */
  ids: Partial<Record<SubjectType, string[]>>
}

/** One table's rows for a subject: exported fields only, already decrypted. */
export interface SubjectRecords {
  module: string
  table: string
  category: PersonalDataCategory
  rows: Record<string, unknown>[]
  /**
   * Rows held when none of the table's columns is exported (derived data such
   * as search tokens): counted in "data found" and erased, never exported.
   */
  heldRows?: number
  /** Files that belong in an export (decrypted attachment bytes), by path inside the archive. */
  files?: { path: string; bytes: Uint8Array }[]
}

export interface CollectOptions {
  /** Include file contents (an export); a preview for staff leaves them out. */
  files?: boolean
}

/** Corrections a subject asked for and staff approved (rectification). */
export interface SubjectCorrections {
  name?: string | null
  email?: string | null
  phone?: string | null
}

/** Before/after of one rectified field (values go to the sealed request trail, never the audit log). */
export interface RectifiedField {
  table: string
  field: string
  before: string | null
  after: string | null
}

/** What one provider erased (or kept, with the legal basis) in one table. */
export interface ErasureOutcome {
  module: string
  table: string
  category: PersonalDataCategory
  action: 'deleted' | 'anonymized' | 'crypto_shredded' | 'retained'
  rows: number
  /** Required when action is 'retained': the legal basis shown to the subject. */
  legalBasis?: string
  /** Vault key ids destroyed by this provider (subject keys). */
  destroyedKeyIds?: string[]
}

export interface SubjectDataProvider {
  /** Module name, as in its catalog declaration. */
  module: string
  /**
   * Adds the ids this module knows the subject by (e.g. helpdesk turns emails
   * into contact ids). Providers run in registration order, so later ones see
   * the ids earlier ones found.
   */
  resolve?(subject: SubjectIdentifiers): Promise<Partial<Record<SubjectType, string[]>>>
  /** Every record of the subject this module holds, exported columns only (files only when asked: exports). */
  collect(subject: SubjectIdentifiers, options?: CollectOptions): Promise<SubjectRecords[]>
  /** Erases the subject's rows per the catalog strategy; idempotent. */
  erase(subject: SubjectIdentifiers): Promise<ErasureOutcome[]>
  /** Restriction (Art. 18): flag the subject so no processing but storage happens; `false` lifts it. */
  restrict?(subject: SubjectIdentifiers, restricted: boolean): Promise<number>
  /** Objection (Art. 21) or consent withdrawal: stop processing for these purposes. */
  object?(subject: SubjectIdentifiers, purposes: string[]): Promise<number>
  /** Rectification (Art. 16): applies corrections, returns what changed. */
  rectify?(subject: SubjectIdentifiers, corrections: SubjectCorrections): Promise<RectifiedField[]>
}

/** Blocks an erasure (legal hold); returns the reason shown to staff, or null. */
export type ErasureGuard = (subject: SubjectIdentifiers) => Promise<string | null>

/** Someone the subject's data was disclosed to (GDPR Art. 19 notification). */
export interface DataRecipient {
  name: string
  kind: 'subprocessor' | 'integration' | 'other'
  purpose: string
  contact?: string
}
export type RecipientSource = (subject: SubjectIdentifiers) => Promise<DataRecipient[]>

const providers = new Map<string, SubjectDataProvider>()
const guards = new Map<string, ErasureGuard>()
const recipientSources = new Map<string, RecipientSource>()

/** Registers (or replaces) a module's provider. Idempotent across reloads. */
export function registerSubjectDataProvider(provider: SubjectDataProvider) {
  providers.set(provider.module, provider)
}
export function subjectDataProviders(): SubjectDataProvider[] {
  return [...providers.values()]
}

export function registerErasureGuard(name: string, guard: ErasureGuard) {
  guards.set(name, guard)
}
export function unregisterErasureGuard(name: string) {
  guards.delete(name)
}
export function erasureGuards(): ErasureGuard[] {
  return [...guards.values()]
}

export function registerRecipientSource(name: string, source: RecipientSource) {
  recipientSources.set(name, source)
}
export function unregisterRecipientSource(name: string) {
  recipientSources.delete(name)
}
export function recipientSourcesList(): RecipientSource[] {
  return [...recipientSources.values()]
}
