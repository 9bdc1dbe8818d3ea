import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/http'
import { serializeJson } from '#core/json_response'

/**
 * HTTP server settings. Cookies are signed with APP_KEY (see config/encryption.ts).
 */
export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: false,
  useAsyncLocalStorage: true,
  serializeJSON: serializeJson,
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
