import { test } from '@japa/runner'
import { chunkDocument } from '#knowledge/services/chunker'
import { localEmbedding } from '#knowledge/services/local_embedder'
import { htmlToMarkdownText } from '#knowledge/services/extract'
import { isPrivateAddress } from '#core/private_addresses'

function cosine(a: number[], b: number[]) {
  return a.reduce((sum, value, index) => sum + value * b[index], 0)
}

test.group('Chunking', () => {
  test('a chunk never spans two sections, carries its heading path and keeps paragraphs whole', ({ assert }) => {
    const text = `# Billing\n\n## Refunds\nAnnual plans are refunded within 30 days.\n\nMonthly plans are not refunded.\n\n## Invoices\nInvoices are emailed.\n\n# Exports\nUse Export CSV.`
    const chunks = chunkDocument(text)
    assert.deepEqual(chunks.map((chunk) => chunk.heading), ['Billing › Refunds', 'Billing › Invoices', 'Exports'])
    assert.equal(chunks[0].content, 'Annual plans are refunded within 30 days.\n\nMonthly plans are not refunded.')
    assert.deepEqual(chunks.map((chunk) => chunk.position), [0, 1, 2])
  })

  test('long sections are cut between paragraphs, and a huge paragraph at sentence ends', ({ assert }) => {
    const paragraph = (n: number) => `Paragraph ${n} ` + 'word '.repeat(100)
    const text = `# Long\n\n${[1, 2, 3, 4, 5].map(paragraph).join('\n\n')}`
    const chunks = chunkDocument(text, 1200)
    assert.isAbove(chunks.length, 1)
    for (const chunk of chunks) {
      assert.isAtMost(chunk.content.length, 1200)
      assert.match(chunk.content, /^Paragraph \d/, 'each chunk starts at a paragraph')
    }
    const sentences = Array.from({ length: 60 }, (_, index) => `Sentence number ${index} is here.`).join(' ')
    const cut = chunkDocument(sentences, 300)
    assert.isAbove(cut.length, 3)
    for (const chunk of cut) assert.match(chunk.content, /\.$/)
  })

  test('HTML headings become sections; scripts and navigation are dropped', ({ assert }) => {
    const text = htmlToMarkdownText('<nav>Menu</nav><h1>Guide</h1><p>Intro text.</p><h2>Setup</h2><p>Install it.</p><script>alert(1)</script>')
    const chunks = chunkDocument(text)
    assert.deepEqual(chunks.map((chunk) => [chunk.heading, chunk.content]), [
      ['Guide', 'Intro text.'],
      ['Guide › Setup', 'Install it.'],
    ])
  })
})

test.group('Local embedder', () => {
  test('is deterministic, unit length, 256 dimensions, and lexical', ({ assert }) => {
    const a = localEmbedding('How do refunds work for annual plans?')
    assert.lengthOf(a, 256)
    assert.deepEqual(a, localEmbedding('How do refunds work for annual plans?'))
    assert.closeTo(cosine(a, a), 1, 1e-9)
    const related = localEmbedding('Annual plans can be refunded within 30 days')
    const unrelated = localEmbedding('Reset your password from the login page')
    assert.isAbove(cosine(a, related), cosine(a, unrelated) + 0.1)
  })
})

test.group('SSRF guard', () => {
  test('private, loopback, link-local, CGNAT and mapped addresses are refused; public ones pass', ({ assert }) => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.9', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '224.0.0.1']) {
      assert.isTrue(isPrivateAddress(address), address)
    }
    for (const address of ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111']) assert.isFalse(isPrivateAddress(address), address)
  })
})
