import { defineConfig } from '@adonisjs/transmit'

/**
 * Server-sent events for live inboxes. The default transport keeps
 * subscriptions in this process, which is right for one app process. With
 * several processes (or a separate job worker that broadcasts), configure
 * the Redis transport so every process sees every broadcast:
 *   import { redis } from '@adonisjs/transmit/transports'
 *   transport: { driver: redis({ host, port, password }) }   (needs ioredis)
 * Events carry ids only, so nothing personal crosses that bus.
 */
export default defineConfig({
  pingInterval: '30s',
  transport: null,
})
