import { BaseSchema } from '@adonisjs/lucid/schema'

/** The last TOTP time step used to sign in: a code works once, even inside its 30 s window. */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('users', (table) => {
      table.integer('totp_last_step').nullable()
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropColumn('totp_last_step')
    })
  }
}
