import { declarePersonalData, notPersonal, personal } from '#core/personal_data'
import { registerSubjectDataProvider, type ErasureOutcome, type SubjectIdentifiers } from '#core/subject_data'
import TicketSummary from '#assistant/models/ticket_summary'
import AssistantThread from '#assistant/models/assistant_thread'

/**
 * The assistant's tables. Ticket summaries are derived from a contact's
 * conversation: sealed with the contact's key and deleted when the contact's
 * data is erased (provider below). No embedding is ever made of ticket text:
 * queries are embedded in memory only. The request log holds counts, never
 * content. Playground threads are staff's own questions.
 */
const staffLink = personal({
  subject: 'workspace_user',
  purpose: 'Know which staff member used an AI feature',
  legalBasis: 'legitimate_interest',
  retention: 'logs',
  category: 'usage',
  erasure: 'anonymize',
  exported: false,
})

const staffQuestion = personal({
  subject: 'workspace_user',
  purpose: 'Keep a staff member’s playground investigations',
  legalBasis: 'legitimate_interest',
  retention: 'account_data',
  category: 'conversation',
  erasure: 'delete',
  exported: true,
  protectedAtRest: 'encrypted',
})

export const assistantPersonalData = declarePersonalData({
  module: 'assistant',
  tables: [
    {
      table: 'assistant_settings',
      description: 'Per-workspace AI provider settings (Anthropic key sealed by the vault), redaction and token limit',
      columns: {
        workspace_id: notPersonal('primary key (workspace)'),
        anthropic_api_key: notPersonal('workspace API key, vault-sealed with the workspace key (a secret, not personal data)'),
        anthropic_key_hint: notPersonal('last four characters of the key'),
        model: notPersonal('setting'),
        redaction_enabled: notPersonal('setting'),
        monthly_token_limit: notPersonal('setting'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'ai_requests',
      description: 'Log of AI provider requests: workspace, feature, model, subprocessor, token counts, outcome (never content)',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        feature: notPersonal('which AI feature'),
        model: notPersonal('model name'),
        subprocessor: notPersonal('subprocessor name'),
        input_tokens: notPersonal('counter'),
        output_tokens: notPersonal('counter'),
        outcome: notPersonal('ok or error kind'),
        duration_ms: notPersonal('timing'),
        actor_user_id: staffLink,
        created_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'ticket_summaries',
      description: 'AI summaries of ticket conversations, sealed with the contact’s key; erased with the contact',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        ticket_id: notPersonal('foreign key (ticket)'),
        contact_id: personal({
          subject: 'contact',
          purpose: 'Find the summaries derived from a contact’s conversations',
          legalBasis: 'legitimate_interest',
          retention: 'support_data',
          category: 'derived',
          erasure: 'delete',
          exported: false,
        }),
        summary: personal({
          subject: 'contact',
          purpose: 'Give agents a short summary of a support conversation',
          legalBasis: 'legitimate_interest',
          retention: 'support_data',
          category: 'derived',
          erasure: 'delete',
          exported: true,
          protectedAtRest: 'encrypted',
        }),
        message_count: notPersonal('counter'),
        model: notPersonal('model name'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'assistant_threads',
      description: 'Playground investigation threads of staff (titles sealed with the workspace key)',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        user_id: staffLink,
        title: staffQuestion,
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'assistant_thread_messages',
      description: 'Questions and answers of playground threads with the retrieval inspection (sealed with the workspace key)',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        thread_id: notPersonal('foreign key (thread)'),
        role: notPersonal('question or answer'),
        content: staffQuestion,
        retrieval: notPersonal('retrieved help-article passages and their scores; sealed as free text'),
        input_tokens: notPersonal('counter'),
        output_tokens: notPersonal('counter'),
        created_at: notPersonal('row timestamp'),
      },
    },
  ],
})

function contactIds(subject: SubjectIdentifiers) {
  return subject.workspaceId ? (subject.ids.contact ?? []) : []
}

/** Ticket summaries derived from a contact's conversations, and staff's playground threads. */
registerSubjectDataProvider({
  module: 'assistant',
  async collect(subject) {
    const records = []
    const ids = contactIds(subject)
    if (ids.length) {
      const summaries = await TicketSummary.query().where('workspace_id', subject.workspaceId!).whereIn('contact_id', ids).orderBy('created_at')
      const rows = summaries.filter((row) => !row.isShredded).map((row) => ({ ticket_id: row.ticketId, summary: row.summary, created_at: row.createdAt.toISO() }))
      if (rows.length) records.push({ module: 'assistant', table: 'ticket_summaries', category: 'derived' as const, rows })
    }
    const userIds = subject.ids.workspace_user ?? []
    if (userIds.length) {
      const query = AssistantThread.query().whereIn('user_id', userIds).preload('messages', (messages) => messages.orderBy('created_at'))
      if (subject.workspaceId) query.where('workspace_id', subject.workspaceId)
      const threads = await query
      const rows = threads.flatMap((thread) =>
        thread.messages.filter((message) => message.role === 'user').map((message) => ({ thread_title: thread.title, question: message.content, asked_at: message.createdAt.toISO() }))
      )
      if (rows.length) records.push({ module: 'assistant', table: 'assistant_thread_messages', category: 'conversation' as const, rows })
    }
    return records
  },
  async erase(subject) {
    const outcomes: ErasureOutcome[] = []
    const ids = contactIds(subject)
    if (ids.length) {
      const deleted = await TicketSummary.query().where('workspace_id', subject.workspaceId!).whereIn('contact_id', ids).delete()
      outcomes.push({ module: 'assistant', table: 'ticket_summaries', category: 'derived', action: 'deleted', rows: Number(deleted) || 0 })
    }
    const userIds = subject.ids.workspace_user ?? []
    if (userIds.length) {
      const query = AssistantThread.query().whereIn('user_id', userIds)
      if (subject.workspaceId) query.where('workspace_id', subject.workspaceId)
      const deleted = await query.delete()
      outcomes.push({ module: 'assistant', table: 'assistant_threads', category: 'conversation', action: 'deleted', rows: Number(deleted) || 0 })
    }
    return outcomes
  },
})
