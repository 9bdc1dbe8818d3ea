/**
 * First-run setup for a fresh clone: writes `.env` from `.env.example` with a
 * freshly generated APP_KEY, so `npm start` needs no manual step. Never
 * overwrites an existing `.env`. Runs on Node 24's type stripping (no ts-exec).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'

const root = new URL('../', import.meta.url)
const envFile = new URL('.env', root)
const exampleFile = new URL('.env.example', root)

if (!existsSync(envFile) && !process.env.CI_NO_ENV_FILE) {
  const template = readFileSync(exampleFile, 'utf8')
  const filled = template
    .replace(/^APP_KEY=.*$/m, `APP_KEY=${randomBytes(32).toString('base64url')}`)
    .replace(/^VAULT_KEYRING=.*$/m, `VAULT_KEYRING=1:${randomBytes(32).toString('base64')}`)
  writeFileSync(envFile, filled, { mode: 0o600 })
  console.log('Created .env with a new APP_KEY and vault keyring (kept out of git).')
}
