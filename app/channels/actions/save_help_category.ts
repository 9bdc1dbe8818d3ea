import { audit } from '#core/audit'
import { findInWorkspaceOrFail, type WorkspaceRef } from '#core/tenancy'
import HelpCenterCategory from '#channels/models/help_center_category'
import { slugify, uniqueSlug } from '#channels/services/slugs'

export interface HelpCategoryInput {
  name: string
  description?: string | null
  position?: number | null
}

/** Creates a help-center category, or renames/reorders one (its slug, and so its links, stay). */
export default class SaveHelpCategory {
  async handle(workspace: WorkspaceRef, input: HelpCategoryInput, categoryId?: string) {
    const category = categoryId ? await findInWorkspaceOrFail(HelpCenterCategory, workspace, categoryId, 'Category') : new HelpCenterCategory()
    if (!categoryId) {
      category.workspaceId = workspace.id
      category.slug = await uniqueSlug(slugify(input.name), async (slug) =>
        Boolean(await HelpCenterCategory.query().where('workspace_id', workspace.id).where('slug', slug).first())
      )
    }
    category.merge({ name: input.name.trim(), description: input.description?.trim() ?? '', position: input.position ?? category.position ?? 0 })
    await category.save()
    await audit({ action: categoryId ? 'help_center.category_updated' : 'help_center.category_created', workspaceId: workspace.id, targetType: 'help_center_category', targetId: category.id })
    return category
  }
}
