import CustomField from '#helpdesk/models/custom_field'
import { findInWorkspace } from '#helpdesk/services/records'

/** Deletes a field definition. Values stay sealed on tickets but are no longer shown or editable. */
export default class DeleteCustomField {
  async handle(workspaceId: string, fieldId: string) {
    const field = await findInWorkspace(CustomField, workspaceId, fieldId, { label: 'Custom field' })
    await field.delete()
    return field
  }
}
