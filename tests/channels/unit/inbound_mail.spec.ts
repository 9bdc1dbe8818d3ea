import { test } from '@japa/runner'
import { dropQuotedText, htmlToReadableText, messageIdsIn, parseInboundMail } from '#channels/services/mail/inbound_mail'
import { replySubject } from '#channels/services/mail/outbound_mail'

const mime = (headers: string, body = 'Hello') => new TextEncoder().encode(`${headers}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n${body}\r\n`)

test.group('Email: reading inbound mail', () => {
  test('quoted history is dropped from the common clients’ replies, forwarded mail is kept', ({ assert }) => {
    assert.equal(dropQuotedText('Thanks!\n\nOn Mon, 2 Nov 2026 at 10:00, Support <s@x.test> wrote:\n> earlier\n> text'), 'Thanks!')
    assert.equal(dropQuotedText('Thanks!\nOn Mon, 2 Nov 2026 at 10:00, Support\n<s@x.test> wrote:\n> earlier'), 'Thanks!')
    assert.equal(dropQuotedText('Sure.\r\n\r\n-----Original Message-----\r\nFrom: Support\r\nSent: Monday\r\n\r\nold'), 'Sure.')
    assert.equal(dropQuotedText('Ok\n\n________________________________\nFrom: Support <s@x.test>\nSent: Monday, 2 November 2026\nSubject: Re: x\n\nold'), 'Ok')
    assert.equal(dropQuotedText('Am 2. Nov. 2026 schrieb Support <s@x.test>:\n> alt'), 'Am 2. Nov. 2026 schrieb Support <s@x.test>:\n> alt', 'nothing left: the whole text is kept')
    const forwarded = 'See below.\n\n---------- Forwarded message ---------\nFrom: Bank <b@bank.test>\nDate: Mon\n\nYour statement'
    assert.equal(dropQuotedText(forwarded), forwarded)
    assert.equal(dropQuotedText('From: here I start a sentence\nand go on'), 'From: here I start a sentence\nand go on')
  })

  test('HTML is sanitised and quote containers are left out', ({ assert }) => {
    const text = htmlToReadableText('<p>New <a href="javascript:alert(1)">link</a></p><img src="https://tracker.test/p.gif"><style>p{}</style><script>x()</script><blockquote type="cite">old</blockquote>')
    assert.equal(text, 'New link')
  })

  test('machine mail and our own mail are recognised', async ({ assert }) => {
    const from = 'From: a@b.test\r\nMessage-ID: <1@b.test>'
    assert.equal((await parseInboundMail(mime(`${from}\r\nAuto-Submitted: auto-generated`))).machine, 'auto_reply')
    assert.isNull((await parseInboundMail(mime(`${from}\r\nAuto-Submitted: no`))).machine)
    assert.equal((await parseInboundMail(mime(`${from}\r\nPrecedence: junk`))).machine, 'auto_reply')
    assert.equal((await parseInboundMail(mime('From: MAILER-DAEMON@mx.b.test\r\nMessage-ID: <2@b.test>'))).machine, 'bounce')
    assert.isTrue((await parseInboundMail(mime(`${from}\r\nX-Vaultdesk: reply; ticket=3`))).ours)
  })

  test('thread ids: In-Reply-To first, then References newest first', async ({ assert }) => {
    const parsed = await parseInboundMail(mime('From: A <A@B.test>\r\nMessage-ID: <3@b.test>\r\nIn-Reply-To: <2@x.test>\r\nReferences: <0@x.test> <1@x.test> <2@x.test>'))
    assert.deepEqual(parsed.threadIds, ['2@x.test', '1@x.test', '0@x.test'])
    assert.equal(parsed.fromAddress, 'a@b.test')
    assert.deepEqual(messageIdsIn('<a@b> junk <c@d>'), ['a@b', 'c@d'])
    assert.equal(replySubject('RE: Fwd: re: Order'), 'Re: Order')
    assert.equal(replySubject(''), 'Re: Your request')
  })
})
