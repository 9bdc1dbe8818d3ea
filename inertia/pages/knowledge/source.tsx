import { useEffect } from 'react'
import { Link, router, useForm, usePage } from '@inertiajs/react'
import { Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import type { SharedProps } from '~/types'
import { STATUS_COLORS, type SourceDto } from './sources'

interface Props {
  source: SourceDto & { pastedText: string | null }
  chunks: { id: string; position: number; heading: string | null; content: string }[]
  highlight: string | null
  canManage: boolean
}

/** One source: its passages (citations link here, to #chunk-<id>), and editing for admins. */
export default function Source({ source, chunks, highlight, canManage }: Props) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const base = `/w/${currentWorkspace!.slug}`
  const form = useForm({ title: source.title, url: source.url ?? '', text: source.pastedText ?? '' })

  useEffect(() => {
    if (highlight) document.getElementById(`chunk-${highlight}`)?.scrollIntoView({ block: 'center' })
  }, [highlight])

  const save = (event: React.FormEvent) => {
    event.preventDefault()
    const changes: Record<string, string> = { title: form.data.title }
    if (source.kind === 'url') changes.url = form.data.url
    if (source.kind === 'text') changes.text = form.data.text
    form.transform(() => changes)
    form.put(`${base}/knowledge/${source.id}`, { preserveScroll: true })
  }

  return (
    <AppLayout
      title={source.title}
      actions={
        <Group gap="xs">
          <Badge color={STATUS_COLORS[source.status]} variant="light">
            {source.status}
          </Badge>
          <Button size="xs" variant="default" component={Link} href={`${base}/knowledge`}>
            All sources
          </Button>
          {canManage && (
            <Button size="xs" variant="light" onClick={() => router.post(`${base}/knowledge/${source.id}/resync`, {}, { preserveScroll: true })}>
              Re-sync
            </Button>
          )}
        </Group>
      }
    >
      {source.failureReason && <Text c="red">{source.failureReason}</Text>}
      <Paper withBorder p="sm">
        <Text size="sm" fw={600}>
          Summary
        </Text>
        <Text size="sm" c={source.summary ? undefined : 'dimmed'}>
          {source.summary ?? source.summaryNote ?? 'Not summarised yet.'}
        </Text>
      </Paper>
      {canManage && (
        <Paper withBorder p="md" component="section" aria-label="Edit source">
          <form onSubmit={save} noValidate>
            <Stack gap="sm">
              <TextInput label="Title" value={form.data.title} onChange={(event) => form.setData('title', event.currentTarget.value)} error={form.errors.title} />
              {source.kind === 'url' && <TextInput label="Web address" value={form.data.url} onChange={(event) => form.setData('url', event.currentTarget.value)} error={form.errors.url} />}
              {source.kind === 'text' && <Textarea label="Text" autosize minRows={6} maxRows={20} value={form.data.text} onChange={(event) => form.setData('text', event.currentTarget.value)} error={form.errors.text} />}
              <Group justify="flex-end">
                <Button type="submit" loading={form.processing}>
                  Save
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
      <Title order={2} size="h4">
        Passages ({source.chunkCount})
      </Title>
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0 }} aria-label="Passages">
        {chunks.map((chunk) => (
          <Paper
            key={chunk.id}
            component="li"
            id={`chunk-${chunk.id}`}
            withBorder
            p="sm"
            bg={chunk.id === highlight ? 'yellow.0' : undefined}
            data-testid={chunk.id === highlight ? 'highlighted-passage' : undefined}
          >
            {chunk.heading && (
              <Text size="xs" c="dimmed" fw={600}>
                {chunk.heading}
              </Text>
            )}
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {chunk.content}
            </Text>
          </Paper>
        ))}
      </Stack>
      {source.url && (
        <Anchor href={source.url} target="_blank" rel="noreferrer" size="sm">
          Open the original page
        </Anchor>
      )}
    </AppLayout>
  )
}
