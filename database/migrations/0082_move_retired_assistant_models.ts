import { BaseSchema } from '@adonisjs/lucid/schema'
import { RETIRED_MODELS } from '#assistant/models/assistant_settings'

/** Workspaces that chose a model Anthropic retires move to its successor (claude-sonnet-4-5 ends on 30 Nov 2026). */
export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      for (const [retired, successor] of Object.entries(RETIRED_MODELS)) {
        await db.from('assistant_settings').where('model', retired).update({ model: successor })
      }
    })
  }

  async down() {}
}
