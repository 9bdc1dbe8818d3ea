/** Background jobs of the privacy desk (payloads: ids only). */
import BuildExport from '#privacy/actions/build_export'
import EraseSubject from '#privacy/actions/erase_subject'
export { BUILD_EXPORT_JOB, ERASE_SUBJECT_JOB } from '#privacy/actions/fulfil_request'

export async function buildExport(data: { requestId: string }) {
  await new BuildExport().handle(data.requestId)
}

export async function eraseSubject(data: { requestId: string; actorUserId?: string | null }) {
  await new EraseSubject().handle(data.requestId, data.actorUserId ?? null)
}
