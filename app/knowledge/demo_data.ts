import KnowledgeSource from '#knowledge/models/knowledge_source'
import SyncSource from '#knowledge/actions/sync_source'

const DEMO_ARTICLES = [
  {
    title: 'Billing and refunds',
    text: `# Billing

## Refunds
Annual plans can be refunded in full within 30 days of purchase. Monthly plans are not refunded, but you can cancel at any time and keep access until the end of the period.

## Invoices
Invoices are emailed to the billing contact on the first day of each period and can be downloaded from Settings › Billing.`,
  },
  {
    title: 'Exporting data',
    text: `# Exports

## CSV export
Open Reports and choose Export CSV. The export contains the tickets matching the current filters.

## Export button does nothing
If the Export button does nothing, disable browser extensions that block pop-ups and try again, or use another browser.`,
  },
]

/**
 * Demo knowledge: two pasted help articles, ingested right away with the local
 * embedder (the demo is seeded before the job queue starts).
 */
export async function seedKnowledgeDemo(workspaceId: string, actorUserId: string | null = null) {
  for (const article of DEMO_ARTICLES) {
    const source = await KnowledgeSource.create({
      workspaceId,
      kind: 'text',
      title: article.title,
      pastedText: article.text,
      byteSize: Buffer.byteLength(article.text),
      status: 'queued',
      chunkCount: 0,
      createdByUserId: actorUserId,
    })
    await new SyncSource().handle(source.id)
  }
}
