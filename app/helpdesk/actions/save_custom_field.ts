import string from '@adonisjs/core/helpers/string'
import { UserFacingError } from '#core/errors'
import CustomField, { CUSTOM_FIELD_TYPES, type CustomFieldType } from '#helpdesk/models/custom_field'
import { findInWorkspace } from '#helpdesk/services/records'

export interface CustomFieldInput {
  workspaceId: string
  id?: string
  label: string
  /** Fixed once created (existing values were checked against it). */
  type?: CustomFieldType
  options?: string[] | null
  required?: boolean
}

/** Defines or edits a custom ticket field. The key is derived from the label once and never changes. */
export default class SaveCustomField {
  async handle(input: CustomFieldInput) {
    const label = input.label.replace(/\s+/g, ' ').trim()
    if (!label) throw new UserFacingError('Give the field a label.', 'label')
    const field = input.id ? await findInWorkspace(CustomField, input.workspaceId, input.id, { label: 'Custom field' }) : new CustomField()
    const type = field.$isPersisted ? field.type : input.type
    if (!type || !CUSTOM_FIELD_TYPES.includes(type)) throw new UserFacingError('Choose the kind of field.', 'type')
    if (field.$isPersisted && input.type && input.type !== field.type) {
      throw new UserFacingError('The kind of a field cannot change once it exists. Create a new field instead.', 'type')
    }
    const options = [...new Set((input.options ?? []).map((option) => option.trim()).filter(Boolean))]
    if ((type === 'select' || type === 'multi_select') && options.length === 0) {
      throw new UserFacingError('List at least one choice for this field.', 'options')
    }
    if (!field.$isPersisted) {
      const key = string.snakeCase(label).slice(0, 40) || 'field'
      const clash = await CustomField.query().where('workspace_id', input.workspaceId).where('key', key).first()
      if (clash) throw new UserFacingError(`A field “${clash.label}” already uses the key ${key}. Choose another label.`, 'label')
      const last = await CustomField.query().where('workspace_id', input.workspaceId).max('position as position').first()
      field.merge({ workspaceId: input.workspaceId, key, type, position: Number(last?.$extras.position ?? 0) + 1 })
    }
    field.merge({ label, options: type === 'select' || type === 'multi_select' ? options : null, required: Boolean(input.required) })
    await field.save()
    return field
  }
}
