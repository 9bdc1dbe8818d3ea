import { forwardRef, useImperativeHandle, useRef } from 'react'
import { useForm } from '@inertiajs/react'
import { Button, FileInput, Group, Paper, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core'
import type { CannedReplyRef } from './types'

export interface ComposerHandle {
  focus(kind: 'outbound' | 'note'): void
  /** Puts text (e.g. the AI's suggested reply) into the reply, for the agent to edit and send. */
  insert(text: string): void
}

interface Props {
  base: string
  ticketId: string
  ticketNumber: number
  cannedReplies: CannedReplyRef[]
  disabled?: boolean
}

/** Reply to the contact or add an internal note, optionally from a canned reply, with attachments. */
export const Composer = forwardRef<ComposerHandle, Props>(function Composer({ base, ticketId, ticketNumber, cannedReplies, disabled }, ref) {
  const form = useForm<{ kind: 'outbound' | 'note'; body: string; attachments: File[] }>({ kind: 'outbound', body: '', attachments: [] })
  const textarea = useRef<HTMLTextAreaElement>(null)
  useImperativeHandle(ref, () => ({
    focus(kind) {
      form.setData('kind', kind)
      textarea.current?.focus()
    },
    insert(text) {
      form.setData((data) => ({ ...data, kind: 'outbound', body: data.body.trim() ? `${data.body.trimEnd()}\n\n${text}` : text }))
      textarea.current?.focus()
    },
  }))
  const isNote = form.data.kind === 'note'

  const insertCannedReply = async (replyId: string | null) => {
    if (!replyId) return
    const response = await fetch(`${base}/tickets/${ticketId}/canned-replies/${replyId}`, { headers: { Accept: 'application/json' } })
    if (!response.ok) return
    const { body } = (await response.json()) as { body: string }
    form.setData((data) => ({ ...data, kind: 'outbound', body: data.body.trim() ? `${data.body.trimEnd()}\n\n${body}` : body }))
    textarea.current?.focus()
  }

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    form.post(`${base}/tickets/${ticketId}/messages`, {
      preserveScroll: true,
      forceFormData: form.data.attachments.length > 0,
      onSuccess: () => form.reset('body', 'attachments'),
    })
  }

  return (
    <Paper withBorder p="md" bg={isNote ? 'yellow.0' : undefined}>
      <form onSubmit={submit} aria-label={`Write on ticket #${ticketNumber}`} noValidate>
        <Stack gap="sm">
          <Group justify="space-between">
            <SegmentedControl
              size="xs"
              value={form.data.kind}
              onChange={(value) => form.setData('kind', value as 'outbound' | 'note')}
              data={[
                { value: 'outbound', label: 'Reply (r)' },
                { value: 'note', label: 'Internal note (n)' },
              ]}
              aria-label="Message type"
              disabled={disabled}
            />
            {cannedReplies.length > 0 && (
              <Select
                size="xs"
                w={220}
                aria-label="Insert canned reply"
                placeholder="Insert canned reply…"
                data={cannedReplies.map((reply) => ({ value: reply.id, label: reply.title }))}
                value={null}
                onChange={insertCannedReply}
                disabled={disabled}
                searchable
              />
            )}
          </Group>
          <Textarea
            ref={textarea}
            label={isNote ? 'Internal note (only your team sees it)' : 'Reply to the contact'}
            autosize
            minRows={4}
            maxRows={14}
            value={form.data.body}
            onChange={(event) => form.setData('body', event.currentTarget.value)}
            error={form.errors.body}
            disabled={disabled}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) submit(event)
              if (event.key === 'Escape') event.currentTarget.blur()
            }}
          />
          <Group justify="space-between" align="flex-end">
            <FileInput
              size="xs"
              w={300}
              label="Attach files"
              description="Up to 5 files, 10 MB each"
              multiple
              clearable
              value={form.data.attachments}
              onChange={(files) => form.setData('attachments', files ?? [])}
              error={(form.errors as Record<string, string>).attachments}
              disabled={disabled}
            />
            <Group gap="xs">
              <Text size="xs" c="dimmed">
                Ctrl+Enter sends
              </Text>
              <Button type="submit" loading={form.processing} color={isNote ? 'yellow' : undefined} disabled={disabled}>
                {isNote ? 'Add note' : 'Send reply'}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
})
