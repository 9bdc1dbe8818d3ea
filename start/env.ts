/*
| Environment variables are validated at boot; a missing or malformed value
| stops the process with a clear message instead of failing later.
*/
import { Env } from '@adonisjs/core/env'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  APP_KEY: Env.schema.secret(),
  APP_URL: Env.schema.string({ format: 'url', tld: false }),
  HOST: Env.schema.string({ format: 'host' }),
  LOG_LEVEL: Env.schema.string(),
  TZ: Env.schema.string.optional(),

  SESSION_DRIVER: Env.schema.enum(['cookie', 'memory', 'database'] as const),

  DATABASE_URL: Env.schema.string.optional(),
  PGLITE_DATA_DIR: Env.schema.string.optional(),
  PGLITE_PORT: Env.schema.number.optional(),

  SMTP_HOST: Env.schema.string.optional(),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.secret.optional(),
  MAIL_FROM: Env.schema.string.optional(),

  VAULT_KEYRING: Env.schema.secret.optional(),
  VAULT_KEYRING_FILE: Env.schema.string.optional(),
  VAULT_LEDGER_PATH: Env.schema.string.optional(),
  AUDIT_ANCHOR_PATH: Env.schema.string.optional(),

  DRIVE_DISK: Env.schema.enum.optional(['fs', 's3'] as const),
  DRIVE_LOCAL_ROOT: Env.schema.string.optional(),
  S3_BUCKET: Env.schema.string.optional(),
  S3_REGION: Env.schema.string.optional(),
  S3_ENDPOINT: Env.schema.string.optional(),
  S3_ACCESS_KEY_ID: Env.schema.string.optional(),
  S3_SECRET_ACCESS_KEY: Env.schema.secret.optional(),

  JOBS_MODE: Env.schema.enum.optional(['pgboss', 'inline'] as const),

  // Billing (config/billing.ts): Stripe keys and price ids; the API host defaults to api.stripe.com
  STRIPE_SECRET_KEY: Env.schema.secret.optional(),
  STRIPE_WEBHOOK_SECRET: Env.schema.secret.optional(),
  STRIPE_API_HOST: Env.schema.string.optional(),
  STRIPE_API_PORT: Env.schema.number.optional(),
  STRIPE_API_PROTOCOL: Env.schema.enum.optional(['http', 'https'] as const),
  STRIPE_PRICE_STARTER: Env.schema.string.optional(),
  STRIPE_PRICE_GROWTH: Env.schema.string.optional(),
  STRIPE_PRICE_SCALE: Env.schema.string.optional(),
  // Knowledge base and AI assistant (docs/knowledge.md). Base URLs default to the real endpoints.
  ANTHROPIC_BASE_URL: Env.schema.string.optional(),
  AI_TIMEOUT_MS: Env.schema.number.optional(),
  AI_MAX_RETRIES: Env.schema.number.optional(),
  KNOWLEDGE_ALLOW_PRIVATE_URLS: Env.schema.boolean.optional(),
  KNOWLEDGE_FETCH_TIMEOUT_MS: Env.schema.number.optional(),
  // Email channels: IMAP/SMTP hosts on private networks are refused unless this is true (tests; never in production)
  MAIL_ALLOW_PRIVATE_HOSTS: Env.schema.boolean.optional(),
  // Gmail / Microsoft 365 mailboxes (config/mailboxes.ts): OAuth apps; endpoint URLs default to the real ones
  GOOGLE_CLIENT_ID: Env.schema.string.optional(),
  GOOGLE_CLIENT_SECRET: Env.schema.secret.optional(),
  GOOGLE_OAUTH_AUTHORIZE_URL: Env.schema.string.optional(),
  GOOGLE_OAUTH_TOKEN_URL: Env.schema.string.optional(),
  GOOGLE_USERINFO_URL: Env.schema.string.optional(),
  GOOGLE_OAUTH_REVOKE_URL: Env.schema.string.optional(),
  GMAIL_API_URL: Env.schema.string.optional(),
  MICROSOFT_CLIENT_ID: Env.schema.string.optional(),
  MICROSOFT_CLIENT_SECRET: Env.schema.secret.optional(),
  MICROSOFT_TENANT: Env.schema.string.optional(),
  MICROSOFT_LOGIN_URL: Env.schema.string.optional(),
  MICROSOFT_GRAPH_URL: Env.schema.string.optional(),
  // Widget rate limits per IP (defaults 20 sessions per 10 min, 60 messages per min); raised by the widget benchmark
  WIDGET_SESSIONS_PER_IP: Env.schema.number.optional(),
  WIDGET_MESSAGES_PER_IP: Env.schema.number.optional(),
  // DNS servers used to verify help-center custom domains (comma-separated host:port; default: the system resolver)
  HELP_CENTER_DNS_SERVERS: Env.schema.string.optional(),
})
