import { useEffect, useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { Button, Checkbox, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import type { SharedProps } from '~/types'
import type { CustomFieldDef, PersonRef, TagRef, TeamRef, TicketDetail } from './types'
import { PRIORITY_LABELS, STATUS_LABELS } from './labels'

interface Props {
  ticket: TicketDetail
  base: string
  tags: TagRef[]
  teams: TeamRef[]
  agents: PersonRef[]
  customFields: CustomFieldDef[]
  canWork: boolean
}

let inFlight = false
let queued: Record<string, unknown> | null = null

/**
 * Sends a field change with the version this page saw (a stale one comes
 * back as a 409 message). Changes made while a save is in flight wait for
 * it and go out with the version it produced, so an agent never trips over
 * their own previous edit.
 */
export function updateTicket(base: string, ticket: TicketDetail, changes: Record<string, unknown>) {
  if (inFlight) {
    queued = { ...(queued ?? {}), ...changes }
    return
  }
  inFlight = true
  let fresh: TicketDetail | null = null
  router.patch(`${base}/tickets/${ticket.id}`, { version: ticket.version, ...changes }, {
    preserveScroll: true,
    preserveState: true,
    onSuccess: (page) => {
      fresh = (page.props as { selected?: TicketDetail | null }).selected ?? null
    },
    onFinish: () => {
      inFlight = false
      const next = queued
      queued = null
      if (next && fresh?.id === ticket.id) updateTicket(base, fresh, next)
    },
  })
}

function toLocalInput(iso: string | null) {
  if (!iso) return ''
  const date = new Date(iso)
  const offset = date.getTimezoneOffset() * 60_000
  return new Date(date.getTime() - offset).toISOString().slice(0, 16)
}

/** Status, priority, assignee, team, tags, snooze and custom fields; each change is saved at once. */
export function TicketProperties({ ticket, base, tags, teams, agents, customFields, canWork }: Props) {
  const errors = usePage<SharedProps>().props.errors ?? {}
  const [wakeAt, setWakeAt] = useState(toLocalInput(ticket.snoozedUntil))
  useEffect(() => setWakeAt(toLocalInput(ticket.snoozedUntil)), [ticket.id, ticket.snoozedUntil])
  const save = (changes: Record<string, unknown>) => updateTicket(base, ticket, changes)
  const closed = ticket.status === 'closed'
  const readOnly = !canWork || closed

  return (
    <Paper withBorder p="sm" aria-label="Ticket properties" component="section">
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          <Select
            size="xs"
            label="Status"
            value={ticket.status}
            allowDeselect={false}
            disabled={readOnly}
            data={Object.entries(STATUS_LABELS)
              .filter(([value]) => value !== 'snoozed' || ticket.status === 'snoozed')
              .map(([value, label]) => ({ value, label }))}
            onChange={(status) => status && status !== ticket.status && save({ status })}
            error={errors.status}
          />
          <Select
            size="xs"
            label="Priority"
            value={ticket.priority}
            allowDeselect={false}
            disabled={readOnly}
            data={Object.entries(PRIORITY_LABELS).map(([value, label]) => ({ value, label }))}
            onChange={(priority) => priority && priority !== ticket.priority && save({ priority })}
          />
          <Select
            size="xs"
            label="Assignee"
            value={ticket.assignee?.id ?? null}
            placeholder="Unassigned"
            clearable
            searchable
            disabled={readOnly}
            data={agents.map((agent) => ({ value: agent.id, label: agent.name }))}
            onChange={(assigneeUserId) => save({ assigneeUserId })}
            error={errors.assigneeUserId}
          />
          <Select
            size="xs"
            label="Team"
            value={ticket.team?.id ?? null}
            placeholder="No team"
            clearable
            disabled={readOnly}
            data={teams.map((team) => ({ value: team.id, label: team.name }))}
            onChange={(teamId) => save({ teamId })}
            error={errors.teamId}
          />
        </SimpleGrid>
        <MultiSelect
          size="xs"
          label="Tags"
          value={ticket.tags.map((tag) => tag.id)}
          placeholder={ticket.tags.length ? undefined : 'No tags'}
          disabled={readOnly}
          searchable
          data={tags.map((tag) => ({ value: tag.id, label: tag.name }))}
          onChange={(tagIds) => save({ tagIds })}
          error={errors.tagIds}
        />
        <Group align="flex-end" gap="xs">
          <TextInput
            size="xs"
            type="datetime-local"
            label="Snooze until"
            value={wakeAt}
            onChange={(event) => setWakeAt(event.currentTarget.value)}
            disabled={readOnly}
            error={errors.snoozedUntil}
          />
          <Button
            size="xs"
            variant="light"
            disabled={readOnly || !wakeAt}
            onClick={() => save({ status: 'snoozed', snoozedUntil: new Date(wakeAt).toISOString() })}
          >
            Snooze
          </Button>
          {ticket.status === 'snoozed' && (
            <Text size="xs" c="dimmed">
              Wakes up {new Date(ticket.snoozedUntil!).toLocaleString()}
            </Text>
          )}
        </Group>
        {customFields.length > 0 && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {customFields.map((field) => (
              <CustomFieldInput
                key={`${ticket.id}-${field.id}-${ticket.version}`}
                field={field}
                value={ticket.customValues[field.key]}
                disabled={readOnly}
                error={errors[`customValues.${field.key}`]}
                onSave={(value) => save({ customValues: { [field.key]: value } })}
              />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  )
}

function CustomFieldInput({
  field,
  value,
  disabled,
  error,
  onSave,
}: {
  field: CustomFieldDef
  value: unknown
  disabled: boolean
  error?: string
  onSave: (value: unknown) => void
}) {
  const [draft, setDraft] = useState(value === undefined || value === null ? '' : String(value))
  const label = field.required ? `${field.label} (required to resolve)` : field.label
  switch (field.type) {
    case 'select':
      return (
        <Select size="xs" label={label} value={(value as string) ?? null} data={field.options} clearable disabled={disabled} error={error} onChange={(choice) => onSave(choice)} />
      )
    case 'multi_select':
      return (
        <MultiSelect size="xs" label={label} value={(value as string[]) ?? []} data={field.options} disabled={disabled} error={error} onChange={(choices) => onSave(choices)} />
      )
    case 'checkbox':
      return <Checkbox mt="lg" size="xs" label={label} checked={value === true} disabled={disabled} error={error} onChange={(event) => onSave(event.currentTarget.checked)} />
    default:
      return (
        <TextInput
          size="xs"
          label={label}
          type={field.type === 'date' ? 'date' : 'text'}
          inputMode={field.type === 'number' ? 'decimal' : undefined}
          value={draft}
          disabled={disabled}
          error={error}
          onChange={(event) => setDraft(event.currentTarget.value)}
          onBlur={() => draft !== (value === undefined || value === null ? '' : String(value)) && onSave(draft)}
          onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
        />
      )
  }
}
