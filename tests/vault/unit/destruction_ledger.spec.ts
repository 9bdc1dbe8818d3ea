import { test } from '@japa/runner'
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DestructionLedgerFile, GENESIS_HASH } from '#vault/services/destruction_ledger'

const subject = (id: string) => ({ target: 'subject' as const, workspaceId: 'w-1', subjectType: 'contact', subjectId: id, reason: 'erasure_request' })

test.group('Key-destruction ledger file', (group) => {
  let dir: string
  group.each.setup(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ledger-'))
    return () => rm(dir, { recursive: true, force: true })
  })

  test('entries chain by hash, in order, and read back verified', async ({ assert }) => {
    const ledger = new DestructionLedgerFile(join(dir, 'nested', 'destructions.jsonl'))
    const first = await ledger.append(subject('a'))
    const second = await ledger.append({ target: 'workspace', workspaceId: 'w-2', subjectType: null, subjectId: null, reason: 'workspace_deleted' })
    assert.equal(first.seq, 1)
    assert.equal(first.prevHash, GENESIS_HASH)
    assert.equal(second.prevHash, first.hash)
    const { entries, problems } = await ledger.read()
    assert.deepEqual(problems, [])
    assert.deepEqual(entries, [first, second])
  })

  test('concurrent appends (other processes too) keep one unbroken chain', async ({ assert }) => {
    const path = join(dir, 'destructions.jsonl')
    await Promise.all(Array.from({ length: 25 }, (_, index) => new DestructionLedgerFile(path).append(subject(`s${index}`))))
    const { entries, problems } = await new DestructionLedgerFile(path).read()
    assert.deepEqual(problems, [])
    assert.deepEqual(entries.map((entry) => entry.seq), Array.from({ length: 25 }, (_, index) => index + 1))
  })

  test('an edited, removed or torn line is reported', async ({ assert }) => {
    const path = join(dir, 'destructions.jsonl')
    const ledger = new DestructionLedgerFile(path)
    for (const id of ['a', 'b', 'c']) await ledger.append(subject(id))
    const lines = (await readFile(path, 'utf8')).trim().split('\n')

    await writeFile(path, [lines[0], lines[1].replace('"b"', '"x"'), lines[2]].join('\n') + '\n')
    assert.match((await ledger.read()).problems.join(), /line 2: hash does not match/)

    await writeFile(path, [lines[0], lines[2]].join('\n') + '\n')
    assert.match((await ledger.read()).problems.join(), /line 2: does not chain/)

    await writeFile(path, lines.join('\n') + '\n')
    await appendFile(path, '{"v":1,"seq":4,"at"')
    assert.match((await ledger.read()).problems.join(), /line 4: not valid JSON/)
    const next = await ledger.append(subject('d'))
    assert.equal(next.seq, 4)
    assert.equal(next.prevHash, JSON.parse(lines[2]).hash)
  })

  test('a missing file is an empty ledger', async ({ assert }) => {
    assert.deepEqual(await new DestructionLedgerFile(join(dir, 'none.jsonl')).read(), { entries: [], problems: [] })
  })
})
