/** Pieces shared by the fake Google and Microsoft servers: body reading, JSON answers, the consent page. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'

export function token(prefix: string) {
  return `${prefix}${randomBytes(16).toString('base64url')}`
}

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  response.end(JSON.stringify(body))
}

export function redirect(response: ServerResponse, location: string) {
  response.writeHead(302, { location })
  response.end()
}

export function bearer(request: IncomingMessage) {
  const header = request.headers.authorization ?? ''
  return header.startsWith('Bearer ') ? header.slice(7) : null
}

const escape = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

/** A provider's consent screen: who signs in, what the app asks for, Allow / Cancel (GET form back to the fake). */
export function consentPage(response: ServerResponse, options: { brand: string; account: string; appName: string; scopes: string[]; approveUrl: string; params: URLSearchParams }) {
  const hidden = [...options.params].map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`).join('')
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
  response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in - ${escape(options.brand)}</title>
<style>body{font-family:sans-serif;max-width:420px;margin:60px auto;padding:24px;border:1px solid #ddd;border-radius:8px}button{padding:8px 16px;margin-right:8px}</style></head>
<body><h1>${escape(options.brand)}</h1><p><strong>${escape(options.appName)}</strong> wants to access your account <strong data-testid="account">${escape(options.account)}</strong></p>
<ul>${options.scopes.map((scope) => `<li>${escape(scope)}</li>`).join('')}</ul>
<form method="get" action="${escape(options.approveUrl)}">${hidden}<button type="submit" name="decision" value="allow">Allow</button><button type="submit" name="decision" value="deny">Cancel</button></form>
</body></html>`)
}
