/**
 * Privacy desk test data: a workspace with every role, a contact with
 * tickets, an attachment and analytics events (through the helpdesk's own
 * actions), and helpers that walk a request through the portal.
 */
import type { Group } from '@japa/runner/core'
import type { ApiClient } from '@japa/api-client'
import { rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import drive from '@adonisjs/drive/services/main'
import { Disk } from '@adonisjs/drive'
import { FSDriver } from '@adonisjs/drive/drivers/fs'
import type User from '#identity/models/user'
import { keyStore } from '#vault/index'
import { smtpSink, SmtpSink } from '#tests/helpers/smtp_sink'
import { workspaceWithEveryRole } from '#tests/helpers/identity'
import { CreateInboundMessage } from '#helpdesk/index'
import PrivacyRequest from '#privacy/models/privacy_request'

let counter = 0

/**
 * A throwaway disk of this test process. `drive.fake()` keeps files in
 * tmp/drive-fakes/<disk>, shared by every test process working in this tree,
 * and each restore deletes that folder: a parallel run would delete our files.
 */
export function useOwnFakeDisk() {
  const location = app.tmpPath('drive-fakes-privacy', String(process.pid))
  const disk = new Disk(new FSDriver({ location, visibility: 'private' }))
  const original = drive.use
  drive.use = (() => disk) as unknown as typeof drive.use
  return async () => {
    drive.use = original
    await rm(location, { recursive: true, force: true })
  }
}

export function privacyGroup(group: Group) {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    keyStore.clear()
    smtpSink.clear()
    return useOwnFakeDisk()
  })
}

export async function privacyWorkspace() {
  const { workspace, members } = await workspaceWithEveryRole()
  return { workspace, members, desk: `/w/${workspace.slug}/privacy/requests` }
}

/** A contact who wrote twice (one message with a file): tickets, messages, an attachment, search tokens, analytics events. */
export async function contactWithHistory(workspaceId: string) {
  counter++
  const email = `subject${counter}-${Date.now()}@example.test`
  const first = await new CreateInboundMessage().handle({
    workspaceId,
    from: { email, name: `Sam Subject ${counter}`, phone: `+4930123456${counter % 10}${counter % 7}` },
    subject: 'Invoice question',
    body: 'Hello, my invoice seems wrong. Please see the attached screenshot.',
    channel: 'email',
    attachments: [{ filename: 'screenshot.txt', bytes: new TextEncoder().encode('the screenshot content of sam') }],
  })
  const second = await new CreateInboundMessage().handle({ workspaceId, from: { email }, subject: 'Another question', body: 'And when is my renewal date?', channel: 'chat' })
  return { email, contact: first.contact, tickets: [first.ticket, second.ticket] }
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'

export function asUser(client: ApiClient, user: User, method: Method, url: string, body: Record<string, unknown> = {}) {
  const request = client[method](url) as unknown as ReturnType<ApiClient['post']>
  return request.loginAs(user).withCsrfToken().json(body).accept('json').redirects(0)
}

/** Submits on the portal as the public would (form post, no session). */
export function submitOnPortal(client: ApiClient, slug: string, body: Record<string, unknown>) {
  return client.post(`/privacy/${slug}/requests`).withCsrfToken().json(body).accept('json').redirects(0)
}

/** Submits, then follows the confirmation link mailed to the address; returns the verified request. */
export async function submitAndVerify(client: ApiClient, slug: string, body: { type: string; email: string; regime?: string; message?: string; purposes?: string[] }) {
  const submitted = await submitOnPortal(client, slug, body)
  if (submitted.status() !== 302) throw new Error(`intake answered ${submitted.status()}: ${submitted.text()}`)
  const mail = await smtpSink.lastTo(body.email, /Confirm your privacy request/)
  const link = SmtpSink.linkIn(mail, `/privacy/${slug}/verify/`)
  const verified = await client.get(new URL(link).pathname + new URL(link).search).redirects(0)
  if (verified.status() !== 302) throw new Error(`verification answered ${verified.status()}`)
  const statusPath = verified.header('location') as string
  // /privacy/:slug/status/:id/:token
  const request = await PrivacyRequest.findOrFail(statusPath.split('/')[4])
  return { request, verifyLink: link, statusPath }
}

/** Approves then fulfils a request as a staff member; returns the fulfil response. */
export async function approveAndFulfil(client: ApiClient, staff: User, desk: string, requestId: string, body: Record<string, unknown> = {}) {
  const approved = await asUser(client, staff, 'post', `${desk}/${requestId}/approve`)
  if (approved.status() !== 302) throw new Error(`approve answered ${approved.status()}: ${approved.text()}`)
  return asUser(client, staff, 'post', `${desk}/${requestId}/fulfil`, body)
}
