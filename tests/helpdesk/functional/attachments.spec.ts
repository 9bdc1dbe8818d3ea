import { test } from '@japa/runner'
import drive from '@adonisjs/drive/services/main'
import TicketAttachment from '#helpdesk/models/ticket_attachment'
import TicketMessage from '#helpdesk/models/ticket_message'
import { MAX_ATTACHMENT_BYTES } from '#helpdesk/services/attachment_store'
import { contactWritesIn, helpdeskGroup, helpdeskWorkspace } from '#tests/helpdesk/fixtures'

test.group('Attachments', (group) => {
  helpdeskGroup(group)

  function upload(client: any, user: any, url: string) {
    return client.post(url).loginAs(user).withCsrfToken().accept('json').redirects(0)
  }

  test('files are sealed with the contact’s key before they reach the disk, and served decrypted as downloads', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const { ticket } = await contactWritesIn(workspace.id)
    const secretText = 'Invoice 2026-114: 1,234.00 EUR for Ada Lovelace'
    const pdfLike = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2_500_000, 7), Buffer.from('%%EOF')])
    const response = await upload(client, members.agent, `${base}/tickets/${ticket.id}/messages`)
      .field('kind', 'outbound')
      .field('body', 'Here is your invoice.')
      .file('attachments[0]', Buffer.from(secretText), { filename: 'invoice.txt' })
      .file('attachments[1]', pdfLike, { filename: 'scan.pdf' })
    response.assertStatus(201)

    const files = await TicketAttachment.query().where('message_id', response.body().id).orderBy('size_bytes')
    assert.deepEqual(files.map((file) => [file.filename, file.contentType, file.sizeBytes]), [
      ['invoice.txt', 'text/plain', Buffer.byteLength(secretText)],
      ['scan.pdf', 'application/pdf', pdfLike.length],
    ])
    const onDisk = await drive.use('files').get(files[0].storageKey)
    assert.match(onDisk, /^vd1:s\d+:/)
    assert.notInclude(onDisk, 'Invoice')
    assert.notInclude(files[0].storageKey, 'invoice', 'disk keys are ids only')
    const bigOnDisk = await drive.use('files').get(files[1].storageKey)
    assert.lengthOf(bigOnDisk.split('\n'), 3, 'a 2.5 MB file is sealed in three 1 MiB chunks')

    const download = await client.get(`${base}/tickets/${ticket.id}/attachments/${files[0].id}`).loginAs(members.privacy)
    download.assertStatus(200)
    assert.equal(download.text(), secretText)
    download.assertHeader('content-type', 'text/plain')
    assert.match(String(download.header('content-disposition')), /^attachment; filename="invoice.txt"/)
    download.assertHeader('x-content-type-options', 'nosniff')
    const big = await client.get(`${base}/tickets/${ticket.id}/attachments/${files[1].id}`).loginAs(members.agent)
    big.assertStatus(200)
    big.assertHeader('content-length', String(pdfLike.length))

    // The attachment id only works under its own ticket
    const other = await contactWritesIn(workspace.id)
    const wrongTicket = await client.get(`${base}/tickets/${other.ticket.id}/attachments/${files[0].id}`).loginAs(members.agent)
    wrongTicket.assertStatus(404)
  })

  test('a file over 10 MB is refused with 413, a type outside the allow-list with 422; nothing is stored', async ({ client, assert }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const { ticket } = await contactWritesIn(workspace.id)
    const tooBig = await upload(client, members.agent, `${base}/tickets/${ticket.id}/messages`)
      .field('kind', 'note')
      .field('body', 'see file')
      .file('attachments[0]', Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 1), { filename: 'dump.log' })
    tooBig.assertStatus(413)
    tooBig.assertBodyContains({ message: '“dump.log” is 10.0 MB; attachments can be at most 10.0 MB.' })

    const wrongType = await upload(client, members.agent, `${base}/tickets/${ticket.id}/messages`)
      .field('kind', 'note')
      .field('body', 'see file')
      .file('attachments[0]', Buffer.from('MZ...'), { filename: 'setup.exe' })
    wrongType.assertStatus(422)
    assert.match(wrongType.body().message, /“setup.exe” is not a file type we accept\. Allowed: png, jpg/)

    const tooMany = upload(client, members.agent, `${base}/tickets/${ticket.id}/messages`).field('kind', 'note').field('body', 'many')
    for (let index = 0; index < 6; index++) tooMany.file(`attachments[${index}]`, Buffer.from(`file ${index}`), { filename: `f${index}.txt` })
    const many = await tooMany
    many.assertStatus(422)
    many.assertBodyContains({ message: 'Attach at most 5 files to one message.' })

    assert.lengthOf(await TicketMessage.query().where('ticket_id', ticket.id).where('kind', 'note'), 0, 'no message was stored')
    assert.lengthOf(await TicketAttachment.query().where('ticket_id', ticket.id), 0)

    // As a page form, the refusal comes back next to the field
    const page = await client
      .post(`${base}/tickets/${ticket.id}/messages`)
      .loginAs(members.agent)
      .withCsrfToken()
      .header('referer', `${base}/inbox/${ticket.id}`)
      .field('kind', 'note')
      .field('body', 'see file')
      .file('attachments[0]', Buffer.from('x'), { filename: 'run.sh' })
      .redirects(0)
    page.assertStatus(302)
  })

  test('an attachment alone is a valid message; an empty message is not', async ({ client }) => {
    const { workspace, members, base } = await helpdeskWorkspace()
    const { ticket } = await contactWritesIn(workspace.id)
    const fileOnly = await upload(client, members.agent, `${base}/tickets/${ticket.id}/messages`).field('kind', 'outbound').file('attachments[0]', Buffer.from('a,b\n1,2'), { filename: 'data.csv' })
    fileOnly.assertStatus(201)
    const empty = await upload(client, members.agent, `${base}/tickets/${ticket.id}/messages`).field('kind', 'outbound').field('body', '   ')
    empty.assertStatus(422)
    empty.assertBodyContains({ message: 'Write a message first.' })
  })
})
