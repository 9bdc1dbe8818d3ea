import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/limiter'

/** Rate-limit counters live in PostgreSQL with the rest of the state. */
const limiterConfig = defineConfig({
  default: 'database',
  stores: {
    database: stores.database({ tableName: 'rate_limits', clearExpiredByTimeout: !app.inTest }),
    memory: stores.memory({}),
  },
})

export default limiterConfig

declare module '@adonisjs/limiter/types' {
  export interface LimitersList extends InferLimiters<typeof limiterConfig> {}
}
