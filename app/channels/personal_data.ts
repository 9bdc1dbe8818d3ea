import { declarePersonalData, notPersonal, personal } from '#core/personal_data'
import { registerChannelsSubjectData } from '#channels/subject_data'

/**
 * The channels module's tables. Help-center content is written by staff
 * for the public and holds no personal data; feedback is an anonymous
 * counter (the rate limit uses a keyed hash of the IP, in the limiter's table).
 * Widget sessions belong to a visitor: no IP, no cookie, only a keyed hash
 * of the bearer token and the contact and ticket the chat became.
 */
const visitorSession = {
  subject: 'visitor',
  purpose: 'Provide customer support through the website chat widget',
  legalBasis: 'legitimate_interest',
  retention: 'support_data',
} as const
/**
 * The connected address is the workspace's support address (sometimes an
 * agent's own mailbox); it is shown to the workspace's admins, not exported.
 */
const mailbox = {
  subject: 'workspace_user',
  purpose: 'Receive and answer customer email in the shared inbox',
  legalBasis: 'contract',
  retention: 'account_data',
} as const
/** Email thread metadata belongs to the contact who wrote; erased with their conversations. */
const emailThread = {
  subject: 'contact',
  purpose: 'Thread customer email onto tickets and skip duplicates',
  legalBasis: 'legitimate_interest',
  retention: 'support_data',
} as const
export const channelsPersonalData = declarePersonalData({
  module: 'channels',
  tables: [
    {
      table: 'help_center_categories',
      description: 'Help-center sections written by staff for the public',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        name: notPersonal('public category name'),
        slug: notPersonal('public URL segment'),
        description: notPersonal('public category description'),
        position: notPersonal('display order'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'help_center_articles',
      description: 'Help-center articles: the draft and the published copy, public content written by staff',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        category_id: notPersonal('foreign key'),
        slug: notPersonal('public URL segment'),
        title: notPersonal('draft title written by staff for the public'),
        body: notPersonal('draft Markdown written by staff for the public'),
        published_title: notPersonal('public article title'),
        published_body: notPersonal('public article Markdown'),
        published_html: notPersonal('public article, rendered and sanitised'),
        published_text: notPersonal('public article words, for search'),
        published_version: notPersonal('version counter'),
        published_at: notPersonal('publication timestamp'),
        search_vector: notPersonal('full-text vector of the published copy (public words only)'),
        knowledge_source_id: notPersonal('the knowledge source fed from this article'),
        helpful_count: notPersonal('anonymous feedback counter'),
        not_helpful_count: notPersonal('anonymous feedback counter'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'help_center_article_versions',
      description: 'Every published version of a help-center article',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        article_id: notPersonal('foreign key'),
        version: notPersonal('version number'),
        title: notPersonal('public article title as published'),
        body: notPersonal('public article Markdown as published'),
        published_at: notPersonal('publication timestamp'),
      },
    },
    {
      table: 'widgets',
      description: 'The workspace’s embed widget settings; the identity secret is sealed by the vault',
      columns: {
        id: notPersonal('surrogate key (public widget id)'),
        workspace_id: notPersonal('foreign key'),
        name: notPersonal('widget title'),
        color: notPersonal('widget colour'),
        greeting: notPersonal('greeting written by admins'),
        allowed_origins: notPersonal('websites allowed to embed the widget'),
        ai_enabled: notPersonal('setting'),
        consent_purpose_keys: notPersonal('consent purposes the widget asks for (setting)'),
        identity_secret: notPersonal('HMAC secret for identity verification, sealed with the workspace key'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'widget_sessions',
      description: 'Visitors’ chat sessions (expire after 7 days)',
      columns: {
        id: personal({ ...visitorSession, category: 'technical', erasure: 'delete', exported: false }),
        workspace_id: notPersonal('foreign key'),
        widget_id: notPersonal('foreign key'),
        token_hash: personal({ ...visitorSession, category: 'technical', erasure: 'delete', exported: false, protectedAtRest: 'keyed_hash' }),
        origin: notPersonal('the customer website the chat ran on'),
        contact_id: personal({ ...visitorSession, category: 'conversation', erasure: 'delete', exported: false }),
        ticket_id: personal({ ...visitorSession, category: 'conversation', erasure: 'delete', exported: false }),
        identity_verified: personal({ ...visitorSession, category: 'technical', erasure: 'delete', exported: false }),
        expires_at: notPersonal('session expiry'),
        handed_off_at: personal({ ...visitorSession, category: 'conversation', erasure: 'delete', exported: false }),
        created_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'widget_ai_answers',
      description: 'Which chat messages the AI assistant wrote, with the help-center sources it cited',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        session_id: personal({ ...visitorSession, category: 'conversation', erasure: 'delete', exported: false }),
        message_id: personal({ ...visitorSession, category: 'conversation', erasure: 'delete', exported: false }),
        sources: notPersonal('titles and links of the knowledge sources cited (public help-center content)'),
        answered: notPersonal('whether the knowledge base had an answer'),
        created_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'help_center_domains',
      description: 'A workspace’s custom help-center domain and its DNS verification token',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        domain: notPersonal('public host name of the help center'),
        verification_token: notPersonal('random token published in a DNS TXT record'),
        verified_at: notPersonal('verification timestamp'),
        last_checked_at: notPersonal('last DNS check'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'mailbox_connections',
      description: 'Mailboxes connected as email channels; address and credentials sealed with the workspace key',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        provider: notPersonal('gmail, microsoft or imap'),
        address: personal({ ...mailbox, category: 'contact_details', erasure: 'delete', exported: false, protectedAtRest: 'encrypted' }),
        address_index: personal({ ...mailbox, category: 'contact_details', erasure: 'delete', exported: false, protectedAtRest: 'keyed_hash' }),
        credentials: personal({ ...mailbox, category: 'credentials', erasure: 'delete', exported: false, protectedAtRest: 'encrypted' }),
        sync_cursor: notPersonal('provider sync position (history id, delta link, IMAP UID)'),
        status: notPersonal('connection state'),
        last_error: notPersonal('error code and short reason, no addresses or content'),
        last_synced_at: notPersonal('sync timestamp'),
        failure_count: notPersonal('backoff counter'),
        next_attempt_at: notPersonal('backoff timestamp'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
    {
      table: 'email_messages',
      description: 'Thread metadata of emails in and out: the ticket and message each became and its Message-ID',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('foreign key'),
        connection_id: notPersonal('foreign key'),
        ticket_id: personal({ ...emailThread, category: 'conversation', erasure: 'delete', exported: false }),
        message_id: personal({ ...emailThread, category: 'conversation', erasure: 'delete', exported: false }),
        contact_id: personal({ ...emailThread, category: 'conversation', erasure: 'delete', exported: false }),
        direction: notPersonal('inbound or outbound'),
        status: notPersonal('processing state'),
        provider_message_id: personal({ ...emailThread, category: 'technical', erasure: 'delete', exported: false }),
        provider_thread_id: personal({ ...emailThread, category: 'technical', erasure: 'delete', exported: false }),
        rfc_message_id: personal({ ...emailThread, category: 'technical', erasure: 'delete', exported: true, protectedAtRest: 'encrypted' }),
        rfc_message_id_index: personal({ ...emailThread, category: 'technical', erasure: 'delete', exported: false, protectedAtRest: 'keyed_hash' }),
        error: notPersonal('error code and short reason, no addresses or content'),
        attempts: notPersonal('retry counter'),
        created_at: notPersonal('row timestamp'),
        updated_at: notPersonal('row timestamp'),
      },
    },
  ],
})

registerChannelsSubjectData()
