import { useRef, useState } from 'react'
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { postEventStream, type Citation } from './stream'
import { CitationList, CitedText } from './cited_text'

interface Props {
  base: string
  ticketId: string
  /** Puts the draft into the reply composer, where the agent edits and sends it. */
  onInsert(text: string): void
  disabled?: boolean
}

/** The AI's draft reply to a ticket, grounded in the knowledge base, streamed as it is written. */
export function SuggestedReply({ base, ticketId, onInsert, disabled }: Props) {
  const [draft, setDraft] = useState('')
  const [citations, setCitations] = useState<Citation[]>([])
  const [error, setError] = useState<string | null>(null)
  const [state, setState] = useState<'idle' | 'writing' | 'done'>('idle')
  const running = useRef(false)

  const suggest = async () => {
    if (running.current) return
    running.current = true
    setDraft('')
    setCitations([])
    setError(null)
    setState('writing')
    try {
      await postEventStream(`${base}/tickets/${ticketId}/ai/suggestion`, {}, {
        onEvent(event, data) {
          if (event === 'citations') setCitations(data.citations)
          if (event === 'text') setDraft((text) => text + data.delta)
          if (event === 'error') setError(data.message)
        },
      })
    } catch {
      setError('The suggestion could not be loaded. Check your connection and try again.')
    } finally {
      running.current = false
      setState('done')
    }
  }

  return (
    <Paper withBorder p="sm" component="section" aria-label="Suggested reply">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            AI suggestion
          </Text>
          <Button size="xs" variant="light" onClick={suggest} loading={state === 'writing'} disabled={disabled}>
            {state === 'idle' ? 'Suggest reply' : 'Suggest again'}
          </Button>
        </Group>
        {error && (
          <Alert color="red" variant="light" role="alert" data-testid="suggestion-error">
            {error}
          </Alert>
        )}
        {draft && (
          <>
            <CitedText text={draft} citations={citations} testId="suggested-reply" />
            <CitationList citations={citations} />
            <Group justify="flex-end">
              <Button size="xs" disabled={state === 'writing'} onClick={() => onInsert(draft.replace(/\s*\[\d+\]/g, ''))}>
                Insert into reply
              </Button>
            </Group>
          </>
        )}
        {state === 'idle' && (
          <Text size="xs" c="dimmed">
            Drafts a reply from your knowledge base. Personal data is masked before anything is sent to the AI provider.
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
