import { test } from '@japa/runner'
import { wordsOf } from '#helpdesk/services/search_index'
import { searchKindOf } from '#helpdesk/actions/list_tickets'
import { fillPlaceholders } from '#helpdesk/services/placeholders'
import { cleanFilename } from '#helpdesk/services/conversation'
import { assertAttachmentAcceptable, MAX_ATTACHMENT_BYTES } from '#helpdesk/services/attachment_store'

test.group('Helpdesk search words', () => {
  test('words are lower-cased, accent-folded, split on punctuation; short and stop words are dropped', ({ assert }) => {
    assert.deepEqual(wordsOf('The Café’s RE-fund (order #48213) — naïve x'), ['cafe', 're', 'fund', 'order', '48213', 'naive'])
    assert.deepEqual(wordsOf('Straße 東京 STRASSE straße'), ['straße', '東京', 'strasse'], 'ß and ss stay different words')
    assert.deepEqual(wordsOf(''), [])
    assert.lengthOf(wordsOf(Array.from({ length: 3000 }, (_, index) => `w${index}`).join(' ')), 2000, 'a text contributes at most 2000 words')
  })

  test('the search box tells numbers, emails, phones and words apart', ({ assert }) => {
    assert.deepEqual(searchKindOf('#123'), { kind: 'number', number: 123 })
    assert.deepEqual(searchKindOf(' 42 '), { kind: 'number', number: 42 })
    assert.deepEqual(searchKindOf('ada@example.test'), { kind: 'email', value: 'ada@example.test' })
    assert.deepEqual(searchKindOf('+49 (30) 1234-5678'), { kind: 'phone', value: '+49 (30) 1234-5678' })
    assert.deepEqual(searchKindOf('refund order 2026'), { kind: 'words', value: 'refund order 2026' })
  })
})

test.group('Helpdesk placeholders and files', () => {
  test('placeholders are filled; unknown ones stay visible', ({ assert }) => {
    const text = fillPlaceholders('Hi {{contact.name}}, re {{ ticket.number }} — {{agent.name}} {{contact.email}} {{ticket.secret}}', {
      contact: { name: null, email: 'a@b.test' },
      agent: { name: 'Ada Agent' },
      ticket: { number: 7 },
    })
    assert.equal(text, 'Hi there, re #7 — Ada Agent a@b.test {{ticket.secret}}')
  })

  test('file names lose their path; size and type limits name the file', ({ assert }) => {
    assert.equal(cleanFilename('C:\\Users\\ada\\secret report.pdf'), 'secret report.pdf')
    assert.equal(cleanFilename('../../etc/passwd'), 'passwd')
    assert.equal(assertAttachmentAcceptable({ filename: 'photo.JPG', size: 10 }), 'image/jpeg')
    assert.throws(() => assertAttachmentAcceptable({ filename: 'big.pdf', size: MAX_ATTACHMENT_BYTES + 1 }), /“big.pdf” is 10.0 MB/)
    assert.throws(() => assertAttachmentAcceptable({ filename: 'page.html', size: 10 }), /not a file type we accept/)
  })
})
