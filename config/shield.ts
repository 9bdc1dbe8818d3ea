import { defineConfig } from '@adonisjs/shield'

const shieldConfig = defineConfig({
  csp: { enabled: false, directives: {}, reportOnly: false },
  csrf: {
    enabled: true,
    // JSON API (token-authenticated) routes carry no cookies, so CSRF does not apply.
    exceptRoutes: (ctx) => ctx.request.url().startsWith('/api/') || ctx.request.url() === '/webhooks/stripe' || ctx.request.url().startsWith('/widget/'),
    // Inertia's client sends the XSRF-TOKEN cookie back as a header.
    enableXsrfCookie: true,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },
  xFrame: { enabled: true, action: 'DENY' },
  hsts: { enabled: true, maxAge: '180 days' },
  contentTypeSniffing: { enabled: true },
})

export default shieldConfig
