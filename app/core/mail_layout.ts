/** Minimal, accessible HTML frame for transactional mail; text stays the source of truth. */
export function escapeHtml(value: string) {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

export interface MailBody {
  heading: string
  paragraphs: string[]
  action?: { label: string; url: string }
  footnote?: string
}

export function renderMailHtml(body: MailBody) {
  const paragraphs = body.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n')
  const action = body.action
    ? `<p><a href="${escapeHtml(body.action.url)}" style="background:#1c7ed6;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(body.action.label)}</a></p>
<p style="font-size:12px;color:#666">Or paste this link into your browser: ${escapeHtml(body.action.url)}</p>`
    : ''
  const footnote = body.footnote ? `<p style="font-size:12px;color:#666">${escapeHtml(body.footnote)}</p>` : ''
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;max-width:560px;margin:auto">
<h1 style="font-size:20px">${escapeHtml(body.heading)}</h1>
${paragraphs}
${action}
${footnote}
</body></html>`
}

export function renderMailText(body: MailBody) {
  return [
    body.heading,
    '',
    ...body.paragraphs,
    ...(body.action ? ['', `${body.action.label}: ${body.action.url}`] : []),
    ...(body.footnote ? ['', body.footnote] : []),
  ].join('\n')
}
