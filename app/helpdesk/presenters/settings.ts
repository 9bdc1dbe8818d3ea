import type Tag from '#helpdesk/models/tag'
import type Team from '#helpdesk/models/team'
import type CustomField from '#helpdesk/models/custom_field'
import type CannedReply from '#helpdesk/models/canned_reply'

export const tagDto = (tag: Tag) => ({ id: tag.id, name: tag.name, color: tag.color })
export const teamDto = (team: Team) => ({ id: team.id, name: team.name })
export const customFieldDto = (field: CustomField) => ({
  id: field.id,
  key: field.key,
  label: field.label,
  type: field.type,
  options: field.options ?? [],
  required: field.required,
})
export const cannedReplyDto = (reply: CannedReply) => ({ id: reply.id, title: reply.title, body: reply.body })
export const cannedReplyRefDto = (reply: CannedReply) => ({ id: reply.id, title: reply.title })

export type TagDto = ReturnType<typeof tagDto>
export type TeamDto = ReturnType<typeof teamDto>
export type CustomFieldDto = ReturnType<typeof customFieldDto>
export type CannedReplyDto = ReturnType<typeof cannedReplyDto>
