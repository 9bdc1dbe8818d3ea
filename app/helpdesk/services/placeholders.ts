/**
 * Placeholders of canned replies and incident updates. Unknown placeholders
 * are left as typed, so an agent sees them before sending.
 */
export interface PlaceholderValues {
  contact: { name: string | null; email: string | null }
  agent: { name: string }
  ticket: { number: number }
}

export const PLACEHOLDERS = ['{{contact.name}}', '{{contact.email}}', '{{agent.name}}', '{{ticket.number}}'] as const

export function fillPlaceholders(template: string, values: PlaceholderValues) {
  const known: Record<string, string> = {
    'contact.name': values.contact.name || 'there',
    'contact.email': values.contact.email || '',
    'agent.name': values.agent.name,
    'ticket.number': `#${values.ticket.number}`,
  }
  return template.replace(/\{\{\s*([a-z]+\.[a-z_]+)\s*\}\}/g, (placeholder, name: string) => known[name] ?? placeholder)
}
