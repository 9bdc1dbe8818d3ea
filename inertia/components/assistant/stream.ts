/**
 * Reads a POST answer of server-sent events (the assistant's streamed
 * replies) with fetch: EventSource cannot POST or send the CSRF header.
 * A refusal before the stream (no key, limits, restricted contact) is a
 * JSON `{ message }` with a 4xx status.
 */
export interface Citation {
  number: number
  chunkId: string
  sourceId: string
  sourceTitle: string
  heading: string | null
  excerpt: string
  href: string
  vectorScore: number | null
  vectorRank: number | null
  ftsScore: number | null
  ftsRank: number | null
  fusedScore: number
}

export interface StreamHandlers {
  onEvent(event: string, data: any): void
}

function xsrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/)
  return match ? decodeURIComponent(match[1]) : ''
}

export async function postEventStream(url: string, body: object, handlers: StreamHandlers) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept': 'text/event-stream, application/json', 'X-XSRF-TOKEN': xsrfToken() },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  })
  if (!response.ok || !response.body) {
    const payload = await response.json().catch(() => null)
    const message = payload?.message ?? payload?.errors?.[0]?.message ?? `The request failed (HTTP ${response.status}).`
    handlers.onEvent('error', { message })
    return
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    buffer += value
    let end = buffer.indexOf('\n\n')
    while (end !== -1) {
      const block = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const event = block.match(/^event: (.+)$/m)?.[1] ?? 'message'
      const data = block.match(/^data: (.+)$/m)?.[1]
      if (data) handlers.onEvent(event, JSON.parse(data))
      end = buffer.indexOf('\n\n')
    }
  }
}
