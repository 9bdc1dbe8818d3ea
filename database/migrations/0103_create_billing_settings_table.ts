import { BaseSchema } from '@adonisjs/lucid/schema'

/** Platform billing credentials set by operators: sealed by the vault (platform scope), one row. */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('billing_settings', (table) => {
      table.smallint('id').primary()
      table.text('stripe_webhook_secret').nullable()
      table.uuid('updated_by_user_id').nullable().references('users.id').onDelete('SET NULL')
      table.index(['updated_by_user_id'])
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
  }

  async down() {
    this.schema.dropTable('billing_settings')
  }
}
