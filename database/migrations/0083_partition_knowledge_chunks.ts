import { BaseSchema } from '@adonisjs/lucid/schema'
import { EMBEDDING_DIMENSION as DIMENSION } from '#knowledge/services/dimension'

/** Hash partitions of knowledge_chunks by workspace (see the comment in up()). */
export const CHUNK_PARTITIONS = 64

/**
 * knowledge_chunks becomes hash-partitioned by workspace_id, each partition
 * with its own HNSW graph. One graph over every tenant's chunks made a
 * workspace's filtered search walk mostly other tenants' vectors: with
 * 100 workspaces, pgvector's iterative scan found only ~0.6 of the true top
 * ten (npm run bench:retrieval). A partition holds 1/64 of the workspaces, so a
 * workspace's rows are a large share of the graph the scan walks and recall
 * stays near 1 at a fraction of the cost. Queries are unchanged: the planner
 * prunes to the workspace's partition from `workspace_id = ?`.
 * Rows keep their ids (the sequence moves to the new table).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('ALTER TABLE knowledge_chunks RENAME TO knowledge_chunks_unpartitioned')
    this.schema.raw('ALTER SEQUENCE knowledge_chunks_id_seq OWNED BY NONE')
    for (const [index, name] of [
      ['knowledge_chunks_pkey', 'knowledge_chunks_unpartitioned_pkey'],
      ['knowledge_chunks_embedding', 'knowledge_chunks_unpartitioned_embedding'],
      ['knowledge_chunks_search', 'knowledge_chunks_unpartitioned_search'],
      ['knowledge_chunks_source_id_index', 'knowledge_chunks_unpartitioned_source_id_index'],
      ['knowledge_chunks_workspace_id_source_id_position_index', 'knowledge_chunks_unpartitioned_position_index'],
    ]) {
      this.schema.raw(`ALTER INDEX IF EXISTS ${index} RENAME TO ${name}`)
    }
    this.schema.raw(`
      CREATE TABLE knowledge_chunks (
        id bigint NOT NULL DEFAULT nextval('knowledge_chunks_id_seq'),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        source_id uuid NOT NULL REFERENCES knowledge_sources (id) ON DELETE CASCADE,
        position integer NOT NULL,
        heading varchar(300),
        content text NOT NULL,
        embedding vector(${DIMENSION}) NOT NULL,
        created_at timestamptz NOT NULL,
        search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(heading, '') || ' ' || content)) STORED,
        PRIMARY KEY (workspace_id, id)
      ) PARTITION BY HASH (workspace_id)`)
    for (let remainder = 0; remainder < CHUNK_PARTITIONS; remainder++) {
      const name = `knowledge_chunks_p${String(remainder).padStart(2, '0')}`
      this.schema.raw(`CREATE TABLE ${name} PARTITION OF knowledge_chunks FOR VALUES WITH (MODULUS ${CHUNK_PARTITIONS}, REMAINDER ${remainder})`)
    }
    this.schema.raw('ALTER SEQUENCE knowledge_chunks_id_seq OWNED BY knowledge_chunks.id')
    this.schema.raw(
      `INSERT INTO knowledge_chunks (id, workspace_id, source_id, position, heading, content, embedding, created_at)
       SELECT id, workspace_id, source_id, position, heading, content, embedding, created_at FROM knowledge_chunks_unpartitioned`
    )
    this.schema.raw('DROP TABLE knowledge_chunks_unpartitioned')
    this.schema.raw('CREATE INDEX knowledge_chunks_source_id_index ON knowledge_chunks (source_id)')
    this.schema.raw('CREATE INDEX knowledge_chunks_workspace_id_source_id_position_index ON knowledge_chunks (workspace_id, source_id, position)')
    this.schema.raw('CREATE INDEX knowledge_chunks_search ON knowledge_chunks USING gin (search_vector)')
    this.schema.raw('CREATE INDEX knowledge_chunks_embedding ON knowledge_chunks USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)')
  }

  async down() {
    this.schema.raw('ALTER TABLE knowledge_chunks RENAME TO knowledge_chunks_partitioned')
    this.schema.raw('ALTER SEQUENCE knowledge_chunks_id_seq OWNED BY NONE')
    for (const index of ['source_id_index', 'workspace_id_source_id_position_index', 'search', 'embedding']) {
      this.schema.raw(`ALTER INDEX knowledge_chunks_${index} RENAME TO knowledge_chunks_partitioned_${index}`)
    }
    this.schema.raw('ALTER INDEX knowledge_chunks_pkey RENAME TO knowledge_chunks_partitioned_pkey')
    this.schema.raw(`
      CREATE TABLE knowledge_chunks (
        id bigint PRIMARY KEY DEFAULT nextval('knowledge_chunks_id_seq'),
        workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        source_id uuid NOT NULL REFERENCES knowledge_sources (id) ON DELETE CASCADE,
        position integer NOT NULL,
        heading varchar(300),
        content text NOT NULL,
        embedding vector(${DIMENSION}) NOT NULL,
        created_at timestamptz NOT NULL,
        search_vector tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(heading, '') || ' ' || content)) STORED
      )`)
    this.schema.raw('ALTER SEQUENCE knowledge_chunks_id_seq OWNED BY knowledge_chunks.id')
    this.schema.raw(
      `INSERT INTO knowledge_chunks (id, workspace_id, source_id, position, heading, content, embedding, created_at)
       SELECT id, workspace_id, source_id, position, heading, content, embedding, created_at FROM knowledge_chunks_partitioned`
    )
    this.schema.raw('DROP TABLE knowledge_chunks_partitioned')
    this.schema.raw('CREATE INDEX knowledge_chunks_source_id_index ON knowledge_chunks (source_id)')
    this.schema.raw('CREATE INDEX knowledge_chunks_workspace_id_source_id_position_index ON knowledge_chunks (workspace_id, source_id, position)')
    this.schema.raw('CREATE INDEX knowledge_chunks_search ON knowledge_chunks USING gin (search_vector)')
    this.schema.raw('CREATE INDEX knowledge_chunks_embedding ON knowledge_chunks USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)')
  }
}
