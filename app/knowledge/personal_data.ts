import { declarePersonalData, notPersonal, personal } from '#core/personal_data'

/**
 * The knowledge base holds workspace knowledge (help articles, product
 * documentation), not personal data: nothing here is derived from tickets
 * (ticket summaries live in the assistant, sealed with the contact's key).
 * Only the link to the admin who added a source is personal.
 */
export const knowledgePersonalData = declarePersonalData({
  module: 'knowledge',
  tables: [
    {
      table: 'knowledge_settings',
      description: 'Per-workspace embeddings provider (API key sealed by the vault) and URL re-fetch interval',
      columns: {
        workspace_id: notPersonal('primary key (workspace)'),
        embedding_provider: notPersonal('setting'),
        embedding_base_url: notPersonal('setting'),
        embedding_model: notPersonal('setting'),
        embedding_api_key: notPersonal('workspace API key, vault-sealed with the workspace key (a secret, not personal data)'),
        embedding_key_hint: notPersonal('last four characters of the key'),
        refetch_hours: notPersonal('setting'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'knowledge_sources',
      description: 'Documents, web pages and pasted texts of the knowledge base (workspace knowledge, not personal data)',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        kind: notPersonal('upload, url or text'),
        title: notPersonal('document title'),
        url: notPersonal('public web address of the source'),
        filename: notPersonal('uploaded document name'),
        content_type: notPersonal('document type'),
        storage_key: notPersonal('drive key made of ids'),
        pasted_text: notPersonal('help-article text pasted by admins'),
        byte_size: notPersonal('size'),
        status: notPersonal('ingestion state'),
        failure_reason: notPersonal('why ingestion failed'),
        chunk_count: notPersonal('counter'),
        summary: notPersonal('AI summary of the document'),
        summary_note: notPersonal('why there is no summary'),
        content_hash: notPersonal('SHA-256 of the extracted text, to skip unchanged re-syncs'),
        embedding_model: notPersonal('model the chunks were embedded with'),
        last_synced_at: notPersonal('timestamp'),
        created_by_user_id: personal({
          subject: 'workspace_user',
          purpose: 'Know which staff member added a knowledge source',
          legalBasis: 'legitimate_interest',
          retention: 'account_data',
          category: 'account',
          erasure: 'anonymize',
          exported: false,
        }),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'knowledge_chunks',
      description: 'Passages of knowledge sources with their embeddings and full-text vectors (derived from workspace knowledge only)',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        source_id: notPersonal('foreign key (source)'),
        position: notPersonal('order in the source'),
        heading: notPersonal('heading path of the passage'),
        content: notPersonal('passage of a help article'),
        embedding: notPersonal('embedding of a help-article passage'),
        search_vector: notPersonal('full-text vector of a help-article passage'),
        created_at: notPersonal('row timestamp'),
      },
    },
  ],
})
