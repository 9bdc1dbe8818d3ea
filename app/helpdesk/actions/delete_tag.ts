import Tag from '#helpdesk/models/tag'
import { findInWorkspace } from '#helpdesk/services/records'

/** Deletes a tag; it disappears from every ticket (the tickets stay). */
export default class DeleteTag {
  async handle(workspaceId: string, tagId: string) {
    const tag = await findInWorkspace(Tag, workspaceId, tagId, { label: 'Tag' })
    await tag.delete()
    return tag
  }
}
