import { useRef, useState } from 'react'
import { Link, router, usePage } from '@inertiajs/react'
import { Badge, Box, Button, Group, Paper, Select, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import { PaginationBar } from '~/components/pagination_bar'
import type { Pagination, SharedProps } from '~/types'
import type { CannedReplyRef, CustomFieldDef, InboxFilters, PersonRef, TagRef, TeamRef, TicketDetail, TicketListItem } from './components/types'
import { PRIORITY_LABELS, STATUS_LABELS } from './components/labels'
import { TicketList } from './components/ticket_list'
import { Conversation } from './components/conversation'
import { TicketProperties, updateTicket } from './components/ticket_properties'
import { Composer, type ComposerHandle } from './components/composer'
import { ShortcutsHelp, useShortcuts } from './components/shortcuts'
import { NewTicketModal } from './components/new_ticket_modal'
import { useLiveInbox, type InboxEvent } from './components/use_live_inbox'
import { SuggestedReply } from '~/components/assistant/suggested_reply'

interface Props {
  tickets: TicketListItem[]
  pagination: Pagination
  filters: InboxFilters
  selected: TicketDetail | null
  tags: TagRef[]
  teams: TeamRef[]
  customFields: CustomFieldDef[]
  cannedReplies: CannedReplyRef[]
  agents: PersonRef[]
  incidents: { id: string; title: string }[]
  channels: string[]
  permissions: { canWork: boolean; canManage: boolean }
  realtime: { channel: string }
}

function announcementFor(event: InboxEvent) {
  switch (event.type) {
    case 'ticket.created':
      return `New ticket #${event.number}`
    case 'message.created':
      return event.kind === 'inbound' ? `New message on #${event.number}` : `#${event.number} has a new ${event.kind === 'note' ? 'note' : 'reply'}`
    case 'ticket.updated':
      return `#${event.number} was updated`
    default:
      return 'Tickets were updated'
  }
}

export default function Inbox(props: Props) {
  const { tickets, pagination, filters, selected, tags, teams, customFields, cannedReplies, agents, incidents, channels, permissions, realtime } = props
  const { currentWorkspace, currentUser } = usePage<SharedProps>().props
  const base = `/w/${currentWorkspace!.slug}`
  const [query, setQuery] = useState(filters.q ?? '')
  const [checked, setChecked] = useState<string[]>([])
  const [bulk, setBulk] = useState<{ action: string | null; value: string | null }>({ action: null, value: null })
  const [announcement, setAnnouncement] = useState('')
  const [live, setLive] = useState<boolean | null>(null)
  const [helpOpen, setHelpOpen] = useState(false)
  const [newTicketOpen, setNewTicketOpen] = useState(false)
  const composer = useRef<ComposerHandle>(null)
  const search = useRef<HTMLInputElement>(null)

  const queryString = (overrides: Partial<InboxFilters> = {}) => {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries({ ...filters, ...overrides })) if (value) params.set(key, String(value))
    const text = params.toString()
    return text ? `?${text}` : ''
  }
  const hrefFor = (ticket: TicketListItem) => `${base}/inbox/${ticket.id}${queryString()}`
  const applyFilters = (changes: Partial<InboxFilters>) => {
    const path = selected ? `${base}/inbox/${selected.id}` : `${base}/inbox`
    router.get(`${path}${queryString({ ...changes })}`, {}, { preserveScroll: true, preserveState: true })
  }

  // Bursts of events (a bulk action, an incident update) become one reload.
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | null>(null)
  useLiveInbox(
    realtime.channel,
    (event) => {
      setAnnouncement(announcementFor(event))
      if (reloadTimer.current) clearTimeout(reloadTimer.current)
      reloadTimer.current = setTimeout(() => router.reload({ only: ['tickets', 'pagination', 'selected'] }), 150)
    },
    setLive
  )

  const move = (step: number) => {
    if (tickets.length === 0) return
    const index = selected ? tickets.findIndex((ticket) => ticket.id === selected.id) : -1
    const next = tickets[Math.min(tickets.length - 1, Math.max(0, index + step))]
    if (next && next.id !== selected?.id) router.visit(hrefFor(next), { preserveScroll: true })
  }
  useShortcuts({
    'j': () => move(1),
    'k': () => move(-1),
    'r': () => permissions.canWork && composer.current?.focus('outbound'),
    'n': () => permissions.canWork && composer.current?.focus('note'),
    'a': () => permissions.canWork && selected && updateTicket(base, selected, { assigneeUserId: currentUser!.id }),
    'e': () => permissions.canWork && selected && selected.status !== 'resolved' && updateTicket(base, selected, { status: 'resolved' }),
    '/': () => search.current?.focus(),
    '?': () => setHelpOpen((open) => !open),
  })

  const applyBulk = () => {
    const done = {
      preserveScroll: true,
      onSuccess: () => {
        setChecked([])
        setBulk({ action: null, value: null })
      },
    }
    if (bulk.action === 'incident') return router.post(`${base}/incidents/${bulk.value}/tickets`, { ticketIds: checked }, done)
    const payload: Record<string, string | string[] | null> = { ticketIds: checked, action: bulk.action }
    if (bulk.action === 'assign') payload.assigneeUserId = bulk.value === 'unassigned' ? null : bulk.value
    if (bulk.action === 'tag') payload.tagIds = bulk.value ? [bulk.value] : []
    if (bulk.action === 'status') payload.status = bulk.value
    router.post(`${base}/tickets/bulk`, payload, done)
  }
  const bulkValues =
    bulk.action === 'assign'
      ? [{ value: 'unassigned', label: 'Unassigned' }, ...agents.map((agent) => ({ value: agent.id, label: agent.name }))]
      : bulk.action === 'tag'
        ? tags.map((tag) => ({ value: tag.id, label: tag.name }))
        : bulk.action === 'status'
          ? ['open', 'pending', 'resolved', 'closed'].map((value) => ({ value, label: STATUS_LABELS[value as keyof typeof STATUS_LABELS] }))
          : bulk.action === 'incident'
            ? incidents.map((incident) => ({ value: incident.id, label: incident.title }))
            : []

  return (
    <AppLayout
      title="Inbox"
      actions={
        <Group gap="xs">
          <Badge color={live ? 'teal' : live === false ? 'red' : 'gray'} variant="light" data-live={live ? 'on' : 'off'} data-testid="live-status">
            {live ? 'Live' : live === false ? 'Not live: reload to update' : 'Connecting…'}
          </Badge>
          <Button size="xs" variant="default" component={Link} href={`${base}/incidents`}>
            Incidents
          </Button>
          <ShortcutsHelp opened={helpOpen} onChange={setHelpOpen} />
          {permissions.canWork && (
            <Button size="xs" onClick={() => setNewTicketOpen(true)}>
              New ticket
            </Button>
          )}
        </Group>
      }
    >
      <VisuallyHidden role="status" aria-live="polite" data-testid="live-announcement">
        {announcement}
      </VisuallyHidden>
      <Paper withBorder p="sm" component="section" aria-label="Filters">
        <Stack gap="xs">
          <form
            role="search"
            onSubmit={(event) => {
              event.preventDefault()
              applyFilters({ q: query || undefined, status: query ? 'all' : filters.status })
            }}
          >
            <Group gap="xs" align="flex-end">
              <TextInput
                ref={search}
                style={{ flex: 1 }}
                size="xs"
                label="Search tickets"
                description="A ticket number (#123), an email address, a phone number, or whole words"
                value={query}
                onChange={(event) => setQuery(event.currentTarget.value)}
              />
              <Button type="submit" size="xs" variant="light">
                Search
              </Button>
              {filters.q && (
                <Button size="xs" variant="subtle" onClick={() => { setQuery(''); applyFilters({ q: undefined, status: 'open' }) }}>
                  Clear search
                </Button>
              )}
            </Group>
          </form>
          <Group gap="xs" grow>
            <Select size="xs" label="Status" value={filters.status ?? 'open'} allowDeselect={false}
              data={[...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })), { value: 'all', label: 'All' }]}
              onChange={(status) => applyFilters({ status: (status ?? 'open') as InboxFilters['status'] })} />
            <Select size="xs" label="Assignee" value={filters.assignee ?? null} placeholder="Anyone" clearable
              data={[{ value: 'me', label: 'Me' }, { value: 'unassigned', label: 'Unassigned' }, ...agents.map((agent) => ({ value: agent.id, label: agent.name }))]}
              onChange={(assignee) => applyFilters({ assignee: assignee ?? undefined })} />
            <Select size="xs" label="Team" value={filters.teamId ?? null} placeholder="Any team" clearable
              data={teams.map((team) => ({ value: team.id, label: team.name }))} onChange={(teamId) => applyFilters({ teamId: teamId ?? undefined })} />
            <Select size="xs" label="Tag" value={filters.tagId ?? null} placeholder="Any tag" clearable searchable
              data={tags.map((tag) => ({ value: tag.id, label: tag.name }))} onChange={(tagId) => applyFilters({ tagId: tagId ?? undefined })} />
            <Select size="xs" label="Priority" value={filters.priority ?? null} placeholder="Any" clearable
              data={Object.entries(PRIORITY_LABELS).map(([value, label]) => ({ value, label }))}
              onChange={(priority) => applyFilters({ priority: (priority ?? undefined) as InboxFilters['priority'] })} />
            <Select size="xs" label="Channel" value={filters.channel ?? null} placeholder="Any" clearable
              data={channels} onChange={(channel) => applyFilters({ channel: channel ?? undefined })} />
          </Group>
        </Stack>
      </Paper>

      {permissions.canWork && checked.length > 0 && (
        <Paper withBorder p="xs" component="section" aria-label="Bulk actions" bg="indigo.0">
          <Group gap="xs" align="flex-end">
            <Text size="sm" fw={600}>
              {checked.length} selected
            </Text>
            <Select size="xs" label="Action" value={bulk.action} placeholder="Choose…"
              data={[{ value: 'assign', label: 'Assign' }, { value: 'tag', label: 'Add tag' }, { value: 'status', label: 'Set status' }, { value: 'incident', label: 'Link to incident' }]}
              onChange={(action) => setBulk({ action, value: null })} />
            {bulk.action && (
              <Select size="xs" label="Value" value={bulk.value} data={bulkValues} searchable onChange={(value) => setBulk((current) => ({ ...current, value }))} />
            )}
            <Button size="xs" disabled={!bulk.action || !bulk.value} onClick={applyBulk}>
              Apply to {checked.length}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setChecked([])}>
              Clear selection
            </Button>
          </Group>
        </Paper>
      )}

      <Group align="flex-start" gap="md" wrap="nowrap">
        <Box w={330} style={{ flexShrink: 0 }} component="nav" aria-label="Ticket list">
          {pagination.total > 0 && (
            <Text size="xs" c="dimmed" mb={6} aria-live="polite">
              {rangeOf(pagination)}
            </Text>
          )}
          <TicketList tickets={tickets} selectedId={selected?.id ?? null} hrefFor={hrefFor} checked={checked} onCheck={permissions.canWork ? setChecked : undefined} />
          <PaginationBar pagination={pagination} label="tickets" />
        </Box>
        <Box style={{ flex: 1, minWidth: 0 }} component="section" aria-label="Conversation view">
          {selected ? (
            <Stack gap="sm" key={selected.id}>
              <Conversation ticket={selected} base={base} />
              <TicketProperties ticket={selected} base={base} tags={tags} teams={teams} agents={agents} customFields={customFields} canWork={permissions.canWork} />
              {permissions.canWork && (
                <SuggestedReply base={base} ticketId={selected.id} onInsert={(text) => composer.current?.insert(text)} disabled={selected.status === 'closed'} />
              )}
              {permissions.canWork ? (
                <Composer ref={composer} base={base} ticketId={selected.id} ticketNumber={selected.number} cannedReplies={cannedReplies} disabled={selected.status === 'closed'} />
              ) : (
                <Text size="sm" c="dimmed">
                  Your role can read tickets but not reply or change them.
                </Text>
              )}
            </Stack>
          ) : (
            <Paper withBorder p="xl">
              <Text c="dimmed" ta="center">
                Choose a ticket to read the conversation. Press <strong>j</strong> to open the first one.
              </Text>
            </Paper>
          )}
        </Box>
      </Group>
      <NewTicketModal base={base} opened={newTicketOpen} onClose={() => setNewTicketOpen(false)} />
    </AppLayout>
  )
}

/** "1–50 of 6,668 tickets": where the page is in the whole queue. */
function rangeOf({ page, perPage, total }: Pagination) {
  const first = (page - 1) * perPage + 1
  const last = Math.min(page * perPage, total)
  return `${first}–${last} of ${total.toLocaleString('en-US')} ${total === 1 ? 'ticket' : 'tickets'}`
}
