/**
 * A privacy desk: a workspace's (for its contacts) or the platform's (for
 * workspace users, run by operators). Queries of a desk's requests always
 * carry its workspace_id (NULL for the platform).
 */
import { RecordNotFoundException, isUuid } from '#core/tenancy'
import { absoluteLink } from '#core/links'
import { PLATFORM_SCOPE } from '#vault/index'
import PrivacyRequest from '#privacy/models/privacy_request'
import PrivacySettings from '#privacy/models/privacy_settings'
import type { Regime } from '#privacy/services/request_types'

export interface DeskWorkspace {
  id: string
  name: string
  slug: string
  timezone: string
}

export interface Desk {
  workspace: DeskWorkspace | null
}

export const PLATFORM_NAME = 'Vaultdesk'
export const DEFAULT_TARGET_DAYS = 30

export function scopeOfDesk(desk: Desk) {
  return desk.workspace?.id ?? PLATFORM_SCOPE
}

export function organisationOf(desk: Desk) {
  return desk.workspace?.name ?? PLATFORM_NAME
}

export function timezoneOf(desk: Desk) {
  return desk.workspace?.timezone || 'UTC'
}

export async function settingsOf(desk: Desk): Promise<{ targetDays: number; defaultRegime: Regime }> {
  if (!desk.workspace) return { targetDays: DEFAULT_TARGET_DAYS, defaultRegime: 'gdpr' }
  const settings = await PrivacySettings.find(desk.workspace.id)
  return { targetDays: settings?.targetDays ?? DEFAULT_TARGET_DAYS, defaultRegime: settings?.defaultRegime ?? 'gdpr' }
}

/** The desk's requests: `workspace_id = ?`, or `IS NULL` for the platform. */
export function requestsOf(desk: Desk) {
  const query = PrivacyRequest.query()
  return desk.workspace ? query.where('workspace_id', desk.workspace.id) : query.whereNull('workspace_id')
}

export async function findRequestOrFail(desk: Desk, id: unknown) {
  if (!isUuid(id)) throw new RecordNotFoundException('Request not found')
  // A list read: a request whose key was shredded (after an erasure) still opens, with its sealed notes empty.
  const [request] = await requestsOf(desk).where('id', id).limit(1)
  if (!request) throw new RecordNotFoundException('Request not found')
  return request
}

/** Where the subject follows their request: the public status page, or their account page for platform requests. */
export function statusLinkOf(desk: Desk, request: PrivacyRequest, statusToken: string | null) {
  if (!desk.workspace) return absoluteLink('privacy.account')
  if (!statusToken) return null
  return absoluteLink('privacy.portal.status', { slug: desk.workspace.slug, id: request.id, token: statusToken })
}

export function formatDate(date: { setZone(zone: string): { toFormat(format: string): string } }, timezone: string) {
  return date.setZone(timezone).toFormat('d LLLL yyyy')
}

/** The desk a request belongs to (for jobs, which get ids only). */
export async function deskOfRequest(request: PrivacyRequest): Promise<Desk> {
  if (!request.workspaceId) return { workspace: null }
  return deskOfWorkspace(request.workspaceId)
}

/** A workspace's desk by id (requests filed from another module, e.g. the chat widget). */
export async function deskOfWorkspace(workspaceId: string): Promise<Desk> {
  const { Workspace } = await import('#identity/index')
  const workspace = await Workspace.findOrFail(workspaceId)
  return { workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug, timezone: workspace.timezone } }
}
