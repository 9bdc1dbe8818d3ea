import { audit } from '#core/audit'
import { findInWorkspaceOrFail, type WorkspaceRef } from '#core/tenancy'
import HelpCenterCategory from '#channels/models/help_center_category'

/** Deletes a category; its articles stay, uncategorised. */
export default class DeleteHelpCategory {
  async handle(workspace: WorkspaceRef, categoryId: string) {
    const category = await findInWorkspaceOrFail(HelpCenterCategory, workspace, categoryId, 'Category')
    await category.delete()
    await audit({ action: 'help_center.category_deleted', workspaceId: workspace.id, targetType: 'help_center_category', targetId: category.id })
  }
}
