import { BaseSchema } from '@adonisjs/lucid/schema'

/** pgvector for knowledge embeddings; created here so a real server needs no manual step. */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('CREATE EXTENSION IF NOT EXISTS vector')
  }

  async down() {}
}
