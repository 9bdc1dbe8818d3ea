import { readFile } from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import { findInWorkspaceOrFail } from '#core/tenancy'
import { UserFacingError } from '#core/errors'
import KnowledgePolicy from '#knowledge/policies/knowledge_policy'
import KnowledgeSource from '#knowledge/models/knowledge_source'
import CreateSource, { assertUploadAcceptable } from '#knowledge/actions/create_source'
import UpdateSource from '#knowledge/actions/update_source'
import ResyncSource from '#knowledge/actions/resync_source'
import DeleteSource from '#knowledge/actions/delete_source'
import { chunksOfSource } from '#knowledge/services/chunk_store'
import { SUPPORTED_EXTENSIONS } from '#knowledge/services/extract'
import { createSourceValidator, updateSourceValidator } from '#knowledge/validators/knowledge'
import { sourceDetailDto, sourceDto } from '#knowledge/presenters/sources'
import { wantsJson, workspaceContext } from '#knowledge/controllers/context'

/** Knowledge sources: list, add (upload, URL, pasted text), read, edit, re-sync, delete. */
export default class SourcesController {
  async index(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await ctx.bouncer.with(KnowledgePolicy).authorize('view', membership)
    const sources = await KnowledgeSource.query().where('workspace_id', workspace.id).orderBy('created_at', 'desc').limit(500)
    if (wantsJson(ctx)) return { sources: sources.map(sourceDto) }
    return ctx.inertia.render('knowledge/sources', {
      sources: sources.map(sourceDto),
      supportedExtensions: SUPPORTED_EXTENSIONS,
      canManage: await ctx.bouncer.with(KnowledgePolicy).allows('manage', membership),
    })
  }

  async show(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    const source = await findInWorkspaceOrFail(KnowledgeSource, workspace, ctx.params.id, 'Source')
    await ctx.bouncer.with(KnowledgePolicy).authorize('view', membership)
    const chunks = await chunksOfSource(workspace.id, source.id)
    const props = {
      source: sourceDetailDto(source),
      chunks: chunks.map((chunk) => ({ id: String(chunk.id), position: chunk.position, heading: chunk.heading, content: chunk.content })),
      highlight: typeof ctx.request.qs().chunk === 'string' ? ctx.request.qs().chunk : null,
      canManage: await ctx.bouncer.with(KnowledgePolicy).allows('manage', membership),
    }
    if (wantsJson(ctx)) return props
    return ctx.inertia.render('knowledge/source', props)
  }

  async store(ctx: HttpContext) {
    const { workspace, membership, user } = workspaceContext(ctx)
    await ctx.bouncer.with(KnowledgePolicy).authorize('manage', membership)
    const input = await ctx.request.validateUsing(createSourceValidator)
    let source: KnowledgeSource
    if (input.kind === 'upload') {
      const file = ctx.request.file('file')
      if (!file || !file.tmpPath) throw new UserFacingError('Choose a file to upload.', 'file')
      // Type and size are checked before the file is read into memory.
      assertUploadAcceptable({ filename: file.clientName, size: file.size })
      source = await new CreateSource().handle(workspace.id, user.id, {
        kind: 'upload',
        title: input.title,
        file: { filename: file.clientName, bytes: await readFile(file.tmpPath) },
      })
    } else if (input.kind === 'url') {
      source = await new CreateSource().handle(workspace.id, user.id, { kind: 'url', title: input.title, url: input.url! })
    } else {
      if (!input.title) throw new UserFacingError('Give the text a title.', 'title')
      source = await new CreateSource().handle(workspace.id, user.id, { kind: 'text', title: input.title, text: input.text! })
    }
    if (wantsJson(ctx)) return ctx.response.created(sourceDto(source))
    ctx.session.flash('success', `“${source.title}” was added; it will be ready in a moment.`)
    return ctx.response.redirect(`/w/${workspace.slug}/knowledge`)
  }

  async update(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await findInWorkspaceOrFail(KnowledgeSource, workspace, ctx.params.id, 'Source')
    await ctx.bouncer.with(KnowledgePolicy).authorize('manage', membership)
    const changes = await ctx.request.validateUsing(updateSourceValidator)
    const source = await new UpdateSource().handle(workspace.id, String(ctx.params.id), changes)
    if (wantsJson(ctx)) return sourceDto(source)
    ctx.session.flash('success', 'Source saved.')
    return ctx.response.redirect(`/w/${workspace.slug}/knowledge/${source.id}`)
  }

  async resync(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    await findInWorkspaceOrFail(KnowledgeSource, workspace, ctx.params.id, 'Source')
    await ctx.bouncer.with(KnowledgePolicy).authorize('manage', membership)
    const source = await new ResyncSource().handle(workspace.id, String(ctx.params.id))
    if (wantsJson(ctx)) return sourceDto(source)
    ctx.session.flash('success', `“${source.title}” is being synced again.`)
    return ctx.response.redirect().back()
  }

  async destroy(ctx: HttpContext) {
    const { workspace, membership } = workspaceContext(ctx)
    // Another workspace's id is a 404 before the role is checked, as everywhere.
    await findInWorkspaceOrFail(KnowledgeSource, workspace, ctx.params.id, 'Source')
    await ctx.bouncer.with(KnowledgePolicy).authorize('manage', membership)
    const chunks = await new DeleteSource().handle(workspace.id, String(ctx.params.id))
    if (wantsJson(ctx)) return { deleted: true, chunks }
    ctx.session.flash('success', 'Source deleted with its passages.')
    return ctx.response.redirect(`/w/${workspace.slug}/knowledge`)
  }
}
