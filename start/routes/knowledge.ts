/**
 * Routes of the knowledge base (app/knowledge) and the AI assistant
 * (app/assistant): sources, AI settings, the playground, token usage, and the
 * AI actions on a ticket (suggested reply over server-sent events, summary).
 */
import router from '@adonisjs/core/services/router'
import { workspaceRoutes } from '#start/route_groups'

const SourcesController = () => import('#knowledge/controllers/sources_controller')
const AiSettingsController = () => import('#assistant/controllers/settings_controller')
const AiTicketsController = () => import('#assistant/controllers/tickets_controller')
const PlaygroundController = () => import('#assistant/controllers/playground_controller')
const AiUsageController = () => import('#assistant/controllers/usage_controller')

workspaceRoutes(() => {
  router.get('/knowledge', [SourcesController, 'index'])
  router.post('/knowledge', [SourcesController, 'store'])
  router.get('/knowledge/:id', [SourcesController, 'show'])
  router.put('/knowledge/:id', [SourcesController, 'update'])
  router.post('/knowledge/:id/resync', [SourcesController, 'resync'])
  router.delete('/knowledge/:id', [SourcesController, 'destroy'])

  router.get('/ai/settings', [AiSettingsController, 'show'])
  router.put('/ai/settings', [AiSettingsController, 'update'])
  router.get('/ai/playground', [PlaygroundController, 'index'])
  router.get('/ai/playground/:threadId', [PlaygroundController, 'show'])
  router.post('/ai/playground/ask', [PlaygroundController, 'ask'])
  router.get('/ai/usage', [AiUsageController, 'show'])

  router.post('/tickets/:id/ai/suggestion', [AiTicketsController, 'suggest'])
  router.get('/tickets/:id/ai/summary', [AiTicketsController, 'summary'])
  router.post('/tickets/:id/ai/summary', [AiTicketsController, 'summarize'])
})
