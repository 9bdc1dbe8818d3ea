import { UserFacingError } from '#core/errors'
import Tag, { TAG_COLORS } from '#helpdesk/models/tag'
import { findInWorkspace } from '#helpdesk/services/records'

export interface TagInput {
  workspaceId: string
  /** Omit to create. */
  id?: string
  name: string
  color?: string
}

/** Creates or renames a tag; names are unique per workspace, case-insensitively. */
export default class SaveTag {
  async handle(input: TagInput) {
    const name = input.name.replace(/\s+/g, ' ').trim()
    if (!name) throw new UserFacingError('Give the tag a name.', 'name')
    const color = input.color && (TAG_COLORS as readonly string[]).includes(input.color) ? input.color : 'gray'
    const tag = input.id ? await findInWorkspace(Tag, input.workspaceId, input.id, { label: 'Tag' }) : new Tag()
    const clash = await Tag.query().where('workspace_id', input.workspaceId).whereRaw('lower(name) = ?', [name.toLowerCase()]).first()
    if (clash && clash.id !== tag.id) throw new UserFacingError(`A tag named “${clash.name}” already exists.`, 'name')
    tag.merge({ workspaceId: input.workspaceId, name, color })
    await tag.save()
    return tag
  }
}
