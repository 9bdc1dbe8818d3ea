/**
 * Word search over sealed text. Each distinct word of a ticket's subject
 * and messages is stored as a keyed hash, `BLAKE2b(workspace index subkey,
 * "search:" + word)` through the vault's blind-index function, so the table
 * holds no words and the same word hashes differently in every workspace.
 * What it can and cannot match: docs/helpdesk.md.
 */
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { blindIndexFor } from '#vault/index'

export const MIN_WORD_LENGTH = 2
export const MAX_WORD_LENGTH = 40
/** Words indexed per text; a longer text contributes its first distinct words only. */
export const MAX_WORDS_PER_TEXT = 2000

/** Too common to narrow a search; never indexed, ignored in queries. */
const STOP_WORDS = new Set(
  'the and for are but not you your with this that have from they will was were has had our can all any its into than then them there their what when who why how'.split(' ')
)

/** Lower case, accents folded ("Café" → "cafe"), split on anything that is not a letter or digit. */
export function wordsOf(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').normalize('NFKC').toLowerCase()
  const words = new Set<string>()
  for (const [word] of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (word.length < MIN_WORD_LENGTH || word.length > MAX_WORD_LENGTH || STOP_WORDS.has(word)) continue
    words.add(word)
    if (words.size >= MAX_WORDS_PER_TEXT) break
  }
  return [...words]
}

export async function tokenFor(workspaceId: string, word: string, client?: QueryClientContract) {
  return (await blindIndexFor(workspaceId, 'external_id', `search:${word}`, client))!
}

export async function tokensOf(workspaceId: string, text: string, client?: QueryClientContract) {
  const tokens: string[] = []
  for (const word of wordsOf(text)) tokens.push(await tokenFor(workspaceId, word, client))
  return tokens
}

export interface IndexedText {
  workspaceId: string
  ticketId: string
  contactId: string
  /** null for the ticket's subject */
  messageId: string | null
  text: string
}

/** Stores the tokens of a subject or message (replacing the subject's previous tokens). */
export async function indexText(client: QueryClientContract, entry: IndexedText) {
  if (entry.messageId === null) {
    await client.from('search_tokens').where('workspace_id', entry.workspaceId).where('ticket_id', entry.ticketId).whereNull('message_id').delete()
  }
  const tokens = await tokensOf(entry.workspaceId, entry.text, client)
  if (tokens.length === 0) return
  await client.table('search_tokens').multiInsert(
    tokens.map((token) => ({
      workspace_id: entry.workspaceId,
      token,
      ticket_id: entry.ticketId,
      message_id: entry.messageId,
      contact_id: entry.contactId,
    }))
  )
}

/**
 * Narrows a ticket query to the workspace's tickets that contain every word
 * of `query` (in the subject or any message). Returns false when the query
 * has no searchable word (the caller then finds nothing).
 */
export async function whereHasAllWords(
  tickets: { whereIn: Function },
  workspaceId: string,
  query: string,
  client: QueryClientContract = db.connection()
) {
  const tokens = [...new Set(await tokensOf(workspaceId, query, client))]
  if (tokens.length === 0) return false
  tickets.whereIn('tickets.id', (sub: any) =>
    sub
      .from('search_tokens')
      .select('ticket_id')
      .where('workspace_id', workspaceId)
      .whereIn('token', tokens)
      .groupBy('ticket_id')
      .havingRaw('count(DISTINCT token) = ?', [tokens.length])
  )
  return true
}
