import { useState } from 'react'
import { Link, router, usePage } from '@inertiajs/react'
import { Alert, Anchor, Box, Button, Group, NavLink, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import type { SharedProps } from '~/types'
import { postEventStream, type Citation } from '~/components/assistant/stream'
import { CitationList, CitedText } from '~/components/assistant/cited_text'

interface Message {
  id: string
  role: 'user' | 'assistant'
  content: string
  citations: Citation[]
  inputTokens: number
  outputTokens: number
  createdAt: string
}

interface Props {
  threads: { id: string; title: string; updatedAt: string }[]
  thread: { id: string; title: string } | null
  messages: Message[]
  providerReady: boolean
}

const score = (value: number | null, digits = 3) => (value === null ? '—' : value.toFixed(digits))

/** Why each passage was retrieved: its vector and full-text ranks and scores, and the fused (RRF) score. */
function RetrievalTable({ citations }: { citations: Citation[] }) {
  if (citations.length === 0) return <Text size="xs" c="dimmed">No passage matched: the answer says the knowledge base has none.</Text>
  return (
    <Table aria-label="Retrieved passages" withTableBorder fz="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>#</Table.Th>
          <Table.Th>Passage</Table.Th>
          <Table.Th>Vector (rank)</Table.Th>
          <Table.Th>Full text (rank)</Table.Th>
          <Table.Th>Fused</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {citations.map((citation) => (
          <Table.Tr key={citation.chunkId}>
            <Table.Td>{citation.number}</Table.Td>
            <Table.Td maw={420}>
              <Anchor href={citation.href} size="xs" fw={600}>
                {citation.sourceTitle}
                {citation.heading ? ` › ${citation.heading}` : ''}
              </Anchor>
              <Text size="xs" c="dimmed" lineClamp={2}>{citation.excerpt}</Text>
            </Table.Td>
            <Table.Td>{score(citation.vectorScore)} ({citation.vectorRank ?? '—'})</Table.Td>
            <Table.Td>{score(citation.ftsScore)} ({citation.ftsRank ?? '—'})</Table.Td>
            <Table.Td>{score(citation.fusedScore, 4)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

export default function Playground({ threads, thread, messages, providerReady }: Props) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const base = `/w/${currentWorkspace!.slug}`
  const [question, setQuestion] = useState('')
  const [pending, setPending] = useState<{ question: string; answer: string; citations: Citation[] } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [asking, setAsking] = useState(false)

  const ask = async (event: React.FormEvent) => {
    event.preventDefault()
    if (!question.trim() || asking) return
    setAsking(true)
    setError(null)
    setPending({ question, answer: '', citations: [] })
    let threadId = thread?.id ?? null
    let finished = false
    await postEventStream(`${base}/ai/playground/ask`, { question, threadId }, {
      onEvent(name, data) {
        if (name === 'thread') threadId = data.threadId
        if (name === 'citations') setPending((current) => current && { ...current, citations: data.citations })
        if (name === 'text') setPending((current) => current && { ...current, answer: current.answer + data.delta })
        if (name === 'error') setError(data.message)
        if (name === 'done') finished = true
      },
    }).catch(() => setError('The answer could not be loaded. Check your connection and try again.'))
    setAsking(false)
    setQuestion('')
    if (finished && threadId) {
      // The thread is kept: show it from the server, with the retrieval inspection.
      router.visit(`${base}/ai/playground/${threadId}`, { preserveScroll: true, onFinish: () => setPending(null) })
    }
  }

  return (
    <AppLayout title="AI playground" actions={<Button size="xs" variant="default" component={Link} href={`${base}/ai/playground`}>New thread</Button>}>
      {!providerReady && (
        <Alert color="yellow" variant="light">
          No AI provider is set up. <Anchor component={Link} href={`${base}/ai/settings`}>Add an Anthropic key in AI settings</Anchor> to get answers; retrieval works either way.
        </Alert>
      )}
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Box w={240} style={{ flexShrink: 0 }} component="nav" aria-label="Threads">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={4}>Investigations</Text>
          {threads.map((item) => (
            <NavLink key={item.id} component={Link} href={`${base}/ai/playground/${item.id}`} label={item.title} active={item.id === thread?.id} />
          ))}
          {threads.length === 0 && <Text size="sm" c="dimmed">None yet.</Text>}
        </Box>
        <Stack style={{ flex: 1, minWidth: 0 }} gap="md">
          {thread && <Title order={2} size="h4">{thread.title}</Title>}
          {messages.map((message) =>
            message.role === 'user' ? (
              <Paper key={message.id} p="sm" bg="gray.0" data-testid="playground-question">
                <Text size="sm" fw={600}>{message.content}</Text>
              </Paper>
            ) : (
              <Paper key={message.id} withBorder p="sm" data-testid="playground-answer">
                <Stack gap="xs">
                  <CitedText text={message.content} citations={message.citations} />
                  <CitationList citations={message.citations} />
                  <RetrievalTable citations={message.citations} />
                  <Text size="xs" c="dimmed">{message.inputTokens.toLocaleString('en')} tokens in, {message.outputTokens.toLocaleString('en')} out</Text>
                </Stack>
              </Paper>
            )
          )}
          {pending && (
            <>
              <Paper p="sm" bg="gray.0"><Text size="sm" fw={600}>{pending.question}</Text></Paper>
              <Paper withBorder p="sm" data-testid="playground-streaming">
                <Stack gap="xs">
                  <CitedText text={pending.answer || '…'} citations={pending.citations} />
                  <RetrievalTable citations={pending.citations} />
                </Stack>
              </Paper>
            </>
          )}
          {error && <Alert color="red" variant="light" role="alert" data-testid="playground-error">{error}</Alert>}
          <form onSubmit={ask} noValidate>
            <Stack gap="xs">
              <Textarea label="Ask the knowledge base" autosize minRows={2} maxRows={8} value={question} onChange={(event) => setQuestion(event.currentTarget.value)}
                onKeyDown={(event) => { if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) ask(event) }} />
              <Group justify="flex-end">
                <Button type="submit" loading={asking} disabled={!question.trim()}>Ask</Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      </Group>
    </AppLayout>
  )
}
