import { BaseSchema } from '@adonisjs/lucid/schema'

/** Objections per purpose (GDPR Art. 21), recorded by the privacy desk: `{ "marketing": "2026-…" }`. */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('contacts', (table) => {
      table.jsonb('processing_objections').notNullable().defaultTo('{}')
    })
  }

  async down() {
    this.schema.alterTable('contacts', (table) => {
      table.dropColumn('processing_objections')
    })
  }
}
