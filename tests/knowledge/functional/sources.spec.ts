import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import app from '@adonisjs/core/services/app'
import KnowledgeSource from '#knowledge/models/knowledge_source'
import { MAX_SOURCE_BYTES } from '#knowledge/services/extract'
import { REFUNDS_ARTICLE, addText, asMember, fakeAnthropic, knowledgeGroup, knowledgeWorkspace, withAnthropicKey } from '#tests/knowledge/fixtures'

const fixture = (name: string) => readFile(app.makePath('tests/fixtures/knowledge', name))

function upload(client: any, user: any, url: string) {
  return client.post(url).loginAs(user).withCsrfToken().accept('json').redirects(0)
}

async function chunkRows(sourceId: string) {
  return db.from('knowledge_chunks').where('source_id', sourceId).orderBy('position').select('heading', 'content')
}

test.group('Knowledge sources', (group) => {
  knowledgeGroup(group)

  test('Markdown, HTML, PDF and DOCX uploads are extracted, chunked by heading and embedded', async ({ client, assert }) => {
    const { workspace, members, base } = await knowledgeWorkspace()
    const cases = [
      ['guide.md', 'Password help › Resetting your password', 'Choose Forgot password'],
      ['faq.html', 'Frequently asked questions › Opening hours', 'Monday to Friday'],
      ['shipping.pdf', null, 'two business days'],
      ['warranty.docx', 'Warranty', 'two-year warranty'],
    ] as const
    for (const [name, heading, phrase] of cases) {
      const response = await upload(client, members.admin, `${base}/knowledge`).field('kind', 'upload').file('file', await fixture(name), { filename: name })
      response.assertStatus(201)
      assert.equal(response.body().status, 'ready', name)
      assert.isAbove(response.body().chunkCount, 0)
      const rows = await chunkRows(response.body().id)
      const match = rows.find((row) => row.content.includes(phrase))
      assert.exists(match, `${name} has a chunk with “${phrase}”`)
      if (heading) assert.equal(match!.heading, heading)
      const source = await KnowledgeSource.findOrFail(response.body().id)
      assert.equal(await drive.use().getBytes(source.storageKey!).then((bytes) => bytes.length), (await fixture(name)).length)
      assert.equal(source.summaryNote, 'No summary: no AI provider is set up.')
    }
    const [embedding] = await db.rawQuery('SELECT vector_dims(embedding) AS dims FROM knowledge_chunks WHERE workspace_id = ? LIMIT 1', [workspace.id]).then((result) => result.rows)
    assert.equal(embedding.dims, 256)
  })

  test('with an AI provider, a ready source gets a summary written by the fake Anthropic', async ({ client, assert }) => {
    const { workspace, members, base } = await knowledgeWorkspace()
    await withAnthropicKey(workspace.id)
    const response = await asMember(client, members.owner, 'post', `${base}/knowledge`, { kind: 'text', title: 'Billing', text: REFUNDS_ARTICLE })
    response.assertStatus(201)
    const source = await KnowledgeSource.findOrFail(response.body().id)
    assert.equal(source.summary, 'This document explains the topic in brief.', source.summaryNote ?? '')
    assert.lengthOf(fakeAnthropic.requests, 1)
    assert.include(fakeAnthropic.requests[0].body.system!, '<document')
    assert.include(JSON.stringify(fakeAnthropic.requests[0].body.messages), 'Annual plans can be refunded')
  })

  test('unsupported, corrupt, empty and huge files fail with a clear reason', async ({ client, assert }) => {
    const { members, base } = await knowledgeWorkspace()
    const exe = await upload(client, members.admin, `${base}/knowledge`).field('kind', 'upload').file('file', Buffer.from('MZ'), { filename: 'setup.exe' })
    exe.assertStatus(422)
    assert.match(exe.body().message, /“setup.exe” is not a supported document\. Upload Markdown, plain text, HTML, PDF or DOCX\./)

    const huge = await upload(client, members.admin, `${base}/knowledge`).field('kind', 'upload').file('file', Buffer.alloc(MAX_SOURCE_BYTES + 1, 97), { filename: 'huge.txt' })
    huge.assertStatus(413)
    assert.match(huge.body().message, /“huge.txt” is 10.0 MB; documents can be at most 10 MB\./)

    for (const [name, reason] of [
      ['corrupt.pdf', 'The PDF could not be read (it is corrupt or encrypted).'],
      ['corrupt.docx', 'The DOCX file could not be read (it is corrupt or not a Word document).'],
    ]) {
      const response = await upload(client, members.admin, `${base}/knowledge`).field('kind', 'upload').file('file', await fixture(name), { filename: name })
      response.assertStatus(201)
      assert.equal(response.body().status, 'failed', name)
      assert.equal(response.body().failureReason, reason)
    }
    const binary = await upload(client, members.admin, `${base}/knowledge`).field('kind', 'upload').file('file', Buffer.from([0, 1, 2, 3, 65]), { filename: 'notes.txt' })
    assert.equal(binary.body().failureReason, 'The file is not readable text (it looks binary or corrupt).')
    assert.equal(await db.from('knowledge_chunks').count('* as n').first().then((row) => Number(row.n)), 0)
  })

  test('pasted text is edited (re-synced), re-synced on demand, and deleting removes its chunks and embeddings', async ({ client, assert }) => {
    const { workspace, members, base } = await knowledgeWorkspace()
    const source = await addText(workspace.id, 'Hours', '# Hours\n\nWe answer on weekdays.')
    assert.equal(source.status, 'ready')
    const edited = await asMember(client, members.admin, 'put', `${base}/knowledge/${source.id}`, { title: 'Opening hours', text: '# Hours\n\nWe answer every day, also on weekends.' })
    edited.assertStatus(200)
    assert.equal(edited.body().title, 'Opening hours')
    assert.deepEqual((await chunkRows(source.id)).map((row) => row.content), ['We answer every day, also on weekends.'])

    const resynced = await asMember(client, members.owner, 'post', `${base}/knowledge/${source.id}/resync`)
    resynced.assertStatus(200)
    assert.equal(resynced.body().status, 'ready')

    const shown = await asMember(client, members.agent, 'get', `${base}/knowledge/${source.id}`)
    shown.assertStatus(200)
    assert.equal(shown.body().chunks[0].content, 'We answer every day, also on weekends.')

    const deleted = await asMember(client, members.admin, 'delete', `${base}/knowledge/${source.id}`)
    deleted.assertStatus(200)
    assert.deepEqual(deleted.body(), { deleted: true, chunks: 1 })
    assert.lengthOf(await chunkRows(source.id), 0)
    assert.isNull(await KnowledgeSource.find(source.id))
  })

  test('bad input gets a 422 with a message, never a 500', async ({ client, assert }) => {
    const { members, base } = await knowledgeWorkspace()
    const noUrl = await asMember(client, members.admin, 'post', `${base}/knowledge`, { kind: 'url' })
    noUrl.assertStatus(422)
    const badUrl = await asMember(client, members.admin, 'post', `${base}/knowledge`, { kind: 'url', url: 'ftp://example.com/file' })
    badUrl.assertStatus(422)
    assert.equal(badUrl.body().message, 'Only http and https addresses can be fetched.')
    const noTitle = await asMember(client, members.admin, 'post', `${base}/knowledge`, { kind: 'text', text: 'Something' })
    noTitle.assertStatus(422)
    assert.equal(noTitle.body().message, 'Give the text a title.')
    const noFile = await asMember(client, members.admin, 'post', `${base}/knowledge`, { kind: 'upload' })
    noFile.assertStatus(422)
    assert.equal(noFile.body().message, 'Choose a file to upload.')
  })
})
