import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Help center: categories and articles written in the portal. An article
 * keeps its draft next to the published copy (what the public site shows,
 * with a full-text vector for search); each publication is kept as a
 * version. Feedback is a bare yes/no per article: no visitor data.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('help_center_categories', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.string('name', 120).notNullable()
      table.string('slug', 140).notNullable()
      table.string('description', 500).notNullable().defaultTo('')
      table.integer('position').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['workspace_id', 'slug'])
    })
    this.schema.createTable('help_center_articles', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('category_id').nullable().references('help_center_categories.id').onDelete('SET NULL')
      table.string('slug', 140).notNullable()
      table.string('title', 200).notNullable()
      table.text('body').notNullable().defaultTo('')
      table.string('published_title', 200).nullable()
      table.text('published_body').nullable()
      table.text('published_html').nullable()
      table.text('published_text').nullable()
      table.integer('published_version').notNullable().defaultTo(0)
      table.timestamp('published_at', { useTz: true }).nullable()
      table.uuid('knowledge_source_id').nullable()
      table.integer('helpful_count').notNullable().defaultTo(0)
      table.integer('not_helpful_count').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['workspace_id', 'slug'])
      table.index(['category_id'])
      table.index(['workspace_id', 'category_id'])
    })
    // Only published words are searchable; the draft never leaks into the public index.
    this.schema.raw(`
      ALTER TABLE help_center_articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(published_title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(published_text, '')), 'B')
      ) STORED
    `)
    this.schema.raw('CREATE INDEX help_center_articles_search ON help_center_articles USING gin (search_vector)')
    this.schema.createTable('help_center_article_versions', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('workspace_id').notNullable().references('workspaces.id').onDelete('CASCADE')
      table.uuid('article_id').notNullable().references('help_center_articles.id').onDelete('CASCADE')
      table.integer('version').notNullable()
      table.string('title', 200).notNullable()
      table.text('body').notNullable()
      table.timestamp('published_at', { useTz: true }).notNullable()
      table.unique(['article_id', 'version'])
      table.index(['workspace_id', 'article_id'])
    })
  }

  async down() {
    this.schema.dropTable('help_center_article_versions')
    this.schema.dropTable('help_center_articles')
    this.schema.dropTable('help_center_categories')
  }
}
