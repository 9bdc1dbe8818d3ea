import { BaseSchema } from '@adonisjs/lucid/schema'

/** Set while a workspace is closed and waiting out its restore window (governance). */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('workspaces', (table) => table.timestamp('closed_at', { useTz: true }).nullable())
  }

  async down() {
    this.schema.alterTable('workspaces', (table) => table.dropColumn('closed_at'))
  }
}
