import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import AuditEntry from '#governance/models/audit_entry'
import VerifyAuditChain from '#governance/actions/verify_audit_chain'
import AnchorAuditChains from '#governance/actions/anchor_audit_chains'
import RecordAuditEntry from '#governance/actions/record_audit_entry'
import { useAnchorPath } from '#governance/services/audit_anchors'
import { entryHash } from '#governance/services/audit_chain'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { workspaceWithEveryRole, memberOf } from '#tests/helpers/identity'
import { assertAnswers404, assertRoleAccess } from '#tests/helpers/tenancy'

async function chainOf(workspaceId: string) {
  return AuditEntry.query().where('workspace_id', workspaceId).orderBy('sequence')
}

/** Simulates someone with database access editing the log behind the app's back. */
async function asDatabaseAttacker(sql: string, bindings: unknown[]) {
  await db.rawQuery('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only')
  try {
    await db.rawQuery(sql, bindings as any[])
  } finally {
    await db.rawQuery('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only')
  }
}

test.group('Audit log', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('administrative actions are recorded with actor, target and IP hash, never emails', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const { membership } = await memberOf(workspace, 'agent')
    await client
      .patch(`/w/${workspace.slug}/members/${membership.id}`)
      .loginAs(members.owner)
      .json({ role: 'admin' })
      .withCsrfToken()
    await client
      .post(`/w/${workspace.slug}/invitations`)
      .loginAs(members.admin)
      .json({ email: 'someone@example.test', role: 'agent' })
      .withCsrfToken()

    const entries = await chainOf(workspace.id)
    const roleChange = entries.find((entry) => entry.action === 'member.role_changed')!
    assert.equal(roleChange.actorId, members.owner.id)
    assert.equal(roleChange.targetId, membership.userId)
    assert.deepEqual(roleChange.metadata, { from: 'agent', to: 'admin' })
    assert.match(roleChange.ipHash!, /^[\w-]{20,}$/)
    const invitation = entries.find((entry) => entry.action === 'invitation.sent')!
    assert.equal(invitation.actorId, members.admin.id)
    assert.notInclude(JSON.stringify(entries.map((entry) => entry.serialize())), 'someone@example.test')
  })

  test('entries cannot be updated or deleted through the database', async ({ assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const { default: RecordAuditEntry } = await import('#governance/actions/record_audit_entry')
    await new RecordAuditEntry().handle({ action: 'workspace.settings_updated', workspaceId: workspace.id, actor: { type: 'user', id: members.owner.id } })
    await assert.rejects(() => db.rawQuery("UPDATE audit_entries SET action = 'nothing' WHERE workspace_id = ?", [workspace.id]))
  })

  test('verification detects an edited entry and a deleted entry', async ({ assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const { default: RecordAuditEntry } = await import('#governance/actions/record_audit_entry')
    for (const action of ['member.role_changed', 'invitation.sent', 'invitation.revoked', 'member.removed']) {
      await new RecordAuditEntry().handle({ action, workspaceId: workspace.id, actor: { type: 'user', id: members.owner.id } })
    }
    const before = (await new VerifyAuditChain().handle()).problems
    assert.deepEqual(before, [], JSON.stringify(before))

    const [first, second, third] = await chainOf(workspace.id)
    await asDatabaseAttacker("UPDATE audit_entries SET metadata = '{\"to\":\"owner\"}' WHERE id = ?", [second.id])
    await asDatabaseAttacker('DELETE FROM audit_entries WHERE id = ?', [third.id])

    const { problems } = await new VerifyAuditChain().handle()
    const mine = problems.filter((problem) => problem.workspaceId === workspace.id)
    assert.deepInclude(mine, { workspaceId: workspace.id, sequence: Number(second.sequence), problem: 'edited' })
    assert.deepInclude(mine, { workspaceId: workspace.id, sequence: Number(third.sequence) + 1, problem: 'missing_entries' })
    assert.notDeepInclude(mine, { workspaceId: workspace.id, sequence: Number(first.sequence), problem: 'edited' })
  })

  test('cutting the newest entries off a chain, or recomputing it, is caught against the anchors kept outside the database', async ({ assert, cleanup }) => {
    const dir = await mkdtemp(join(tmpdir(), 'audit-anchors-'))
    useAnchorPath(join(dir, 'anchors.jsonl'))
    cleanup(async () => {
      useAnchorPath(undefined)
      await rm(dir, { recursive: true, force: true })
    })
    const { workspace, members } = await workspaceWithEveryRole()
    const record = (action: string) => new RecordAuditEntry().handle({ action, workspaceId: workspace.id, actor: { type: 'user', id: members.owner.id } })
    for (const action of ['member.role_changed', 'invitation.sent', 'invitation.revoked']) await record(action)
    const heads = await new AnchorAuditChains().handle()
    const head = heads.find((candidate) => candidate.workspaceId === workspace.id)!
    await record('member.removed')
    const mine = async () => (await new VerifyAuditChain().handle()).problems.filter((problem) => problem.workspaceId === workspace.id)
    assert.deepEqual(await mine(), [], 'a chain that grew past its anchor is fine')

    // The two newest entries go: what is left still links up, but ends before the anchored head.
    const entries = await chainOf(workspace.id)
    await asDatabaseAttacker('DELETE FROM audit_entries WHERE workspace_id = ? AND sequence >= ?', [workspace.id, head.sequence])
    assert.lengthOf(await chainOf(workspace.id), entries.length - 2)
    assert.deepEqual(await mine(), [{ workspaceId: workspace.id, sequence: head.sequence, problem: 'truncated' }])

    // Put back with recomputed hashes (a forged, self-consistent chain): the anchored hash differs.
    const kept = entries.filter((entry) => Number(entry.sequence) < head.sequence)
    let prevHash = kept.at(-1)!.hash
    for (const entry of entries.filter((candidate) => Number(candidate.sequence) >= head.sequence)) {
      const fields = {
        workspaceId: entry.workspaceId, sequence: Number(entry.sequence), actorType: entry.actorType, actorId: entry.actorId, action: entry.action,
        targetType: entry.targetType, targetId: entry.targetId, metadata: { forged: true }, ipHash: entry.ipHash,
        occurredAt: entry.occurredAt.toUTC().toISO()!, prevHash,
      }
      const hash = entryHash(fields)
      await asDatabaseAttacker(
        'INSERT INTO audit_entries (workspace_id, sequence, actor_type, actor_id, action, target_type, target_id, metadata, ip_hash, occurred_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)',
        [fields.workspaceId, fields.sequence, fields.actorType, fields.actorId, fields.action, fields.targetType, fields.targetId, JSON.stringify(fields.metadata), fields.ipHash, entry.occurredAt.toJSDate(), prevHash, hash]
      )
      prevHash = hash
    }
    assert.deepEqual(await mine(), [{ workspaceId: workspace.id, sequence: head.sequence, problem: 'rewritten' }])
  })

  test('owners and privacy staff browse and filter the log; others may not; other workspaces answer 404', async ({ client, assert }) => {
    const { workspace, members } = await workspaceWithEveryRole()
    const other = await workspaceWithEveryRole()
    const { membership: newcomer } = await memberOf(workspace, 'agent')
    await client.patch(`/w/${workspace.slug}/members/${newcomer.id}`).loginAs(members.owner).json({ role: 'privacy' }).withCsrfToken()

    await assertRoleAccess(client, members, ['owner', 'privacy'], () => ({ method: 'get', url: `/w/${workspace.slug}/audit` }))
    await assertAnswers404(client, other.members.owner, [{ method: 'get', url: `/w/${workspace.slug}/audit` }])

    const filtered = await client.get(`/w/${workspace.slug}/audit?action=member.`).loginAs(members.owner).withInertia()
    filtered.assertInertiaComponent('governance/audit_log')
    assert.isTrue(filtered.inertiaProps.entries.length >= 1)
    assert.isTrue(filtered.inertiaProps.entries.every((entry: { action: string }) => entry.action.startsWith('member.')))
    assert.equal(filtered.inertiaProps.entries[0].actor, members.owner.fullName)

    const bad = await client.get(`/w/${workspace.slug}/audit?actorId=not-a-uuid`).loginAs(members.owner).accept('json')
    bad.assertStatus(422)
  })

  test('sign-in failures and successes are recorded on the platform chain', async ({ client, assert }) => {
    const { members } = await workspaceWithEveryRole()
    await client.post('/login').form({ email: members.agent.email, password: 'wrong-password-1' }).withCsrfToken()
    const failures = await AuditEntry.query().whereNull('workspace_id').where('action', 'auth.login_failed').where('target_id', members.agent.id)
    assert.lengthOf(failures, 1)
  })
})

test.group('audit:verify command', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('exits 0 on an intact log and 1 after tampering', async ({ assert }) => {
    const ace = await (await import('@adonisjs/core/services/ace')).default
    ace.ui.switchMode('raw')
    const { default: AuditVerify } = await import('#commands/audit_verify')
    const { workspace, members } = await workspaceWithEveryRole()
    const { default: RecordAuditEntry } = await import('#governance/actions/record_audit_entry')
    await new RecordAuditEntry().handle({ action: 'member.removed', workspaceId: workspace.id, actor: { type: 'user', id: members.owner.id } })

    const intact = await ace.create(AuditVerify, [])
    await intact.exec()
    intact.assertSucceeded()

    const [entry] = await chainOf(workspace.id)
    await asDatabaseAttacker("UPDATE audit_entries SET action = 'member.added' WHERE id = ?", [entry.id])
    const tampered = await ace.create(AuditVerify, [])
    await tampered.exec()
    tampered.assertFailed()
    assert.isTrue(tampered.logger.getLogs().some((log) => log.message.includes('edited')))
  })
})
