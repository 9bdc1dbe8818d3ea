import { BaseSchema } from '@adonisjs/lucid/schema'

/** One embedding dimension for the whole platform (docs/knowledge.md: remote vectors are requested at this size). */
const DIMENSION = 256

/**
 * Knowledge sources (uploaded documents, URLs, pasted text), their chunks with
 * pgvector embeddings (HNSW, cosine) and a full-text `tsvector` (GIN), and the
 * workspace's embedding-provider settings. Chunk text is workspace knowledge
 * (help articles), not personal data; nothing derived from tickets lives here.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('knowledge_settings', (table) => {
      table.uuid('workspace_id').primary().references('workspaces.id').onDelete('CASCADE')
      table.string('embedding_provider', 16).notNullable().defaultTo('local')
      table.string('embedding_base_url', 500).nullable()
      table.string('embedding_model', 120).nullable()
      table.text('embedding_api_key').nullable()
      table.string('embedding_key_hint', 16).nullable()
      table.integer('refetch_hours').notNullable().defaultTo(24)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })

    this.schema.createTable('knowledge_sources', (table) => {
      table.uuid('id').primary()
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('kind', 16).notNullable()
      table.string('title', 200).notNullable()
      table.string('url', 2000).nullable()
      table.string('filename', 255).nullable()
      table.string('content_type', 120).nullable()
      table.string('storage_key', 255).nullable()
      table.text('pasted_text').nullable()
      table.integer('byte_size').nullable()
      table.string('status', 16).notNullable().defaultTo('queued')
      table.string('failure_reason', 500).nullable()
      table.integer('chunk_count').notNullable().defaultTo(0)
      table.text('summary').nullable()
      table.string('summary_note', 300).nullable()
      table.string('content_hash', 64).nullable()
      table.string('embedding_model', 120).nullable()
      table.timestamp('last_synced_at', { useTz: true }).nullable()
      table.uuid('created_by_user_id').nullable().references('users.id').onDelete('SET NULL')
      table.index(['created_by_user_id'])
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'created_at'])
      table.index(['workspace_id', 'kind', 'last_synced_at'])
    })

    this.schema.createTable('knowledge_chunks', (table) => {
      table.bigIncrements('id').primary()
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('source_id').notNullable().references('knowledge_sources.id').onDelete('CASCADE')
      table.index(['source_id'])
      table.integer('position').notNullable()
      table.string('heading', 300).nullable()
      table.text('content').notNullable()
      table.specificType('embedding', `vector(${DIMENSION})`).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['workspace_id', 'source_id', 'position'])
    })
    this.schema.raw(
      `ALTER TABLE knowledge_chunks ADD COLUMN search_vector tsvector
         GENERATED ALWAYS AS (to_tsvector('english', coalesce(heading, '') || ' ' || content)) STORED`
    )
    this.schema.raw('CREATE INDEX knowledge_chunks_search ON knowledge_chunks USING gin (search_vector)')
    this.schema.raw(
      'CREATE INDEX knowledge_chunks_embedding ON knowledge_chunks USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)'
    )
  }

  async down() {
    this.schema.dropTable('knowledge_chunks')
    this.schema.dropTable('knowledge_sources')
    this.schema.dropTable('knowledge_settings')
  }
}
