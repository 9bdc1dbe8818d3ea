import { escapeHtml } from '#core/mail_layout'
import type { Ropa } from '#governance/actions/build_ropa'

const HEADINGS = ['Module', 'Purpose', 'Legal basis', 'Data subjects', 'Categories', 'Tables', 'Retention', 'Erasure', 'Protection at rest', 'Recipients (subprocessors)']

/** A standalone HTML document of both records (download). */
export function ropaHtml(ropa: Ropa, workspaceName: string, generatedAt: string) {
  const section = (title: string, record: Ropa['controller']) => `
<h2>${escapeHtml(title)}</h2>
<p>${escapeHtml(record.role)}</p>
<table border="1" cellpadding="4" cellspacing="0">
<thead><tr>${HEADINGS.map((heading) => `<th>${heading}</th>`).join('')}</tr></thead>
<tbody>
${record.activities
  .map(
    (activity) =>
      `<tr>${[activity.module, activity.purpose, activity.legalBasis, activity.subjects, activity.categories, activity.tables, activity.retention, activity.erasure, activity.protection, activity.recipients]
        .map((value) => `<td>${escapeHtml(Array.isArray(value) ? value.join(', ') : value)}</td>`)
        .join('')}</tr>`
  )
  .join('\n')}
</tbody></table>`
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Records of processing – ${escapeHtml(workspaceName)}</title></head>
<body style="font-family:system-ui,sans-serif">
<h1>Records of processing activities (GDPR Art. 30)</h1>
<p>Workspace: ${escapeHtml(workspaceName)}. Generated ${escapeHtml(generatedAt)} from the personal-data catalog, the retention rules in force and the subprocessor registry.</p>
${section('Controller record', ropa.controller)}
${section('Processor record', ropa.processor)}
</body></html>`
}
