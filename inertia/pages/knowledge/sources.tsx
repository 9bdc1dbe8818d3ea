import { useEffect, useState } from 'react'
import { Link, router, useForm, usePage } from '@inertiajs/react'
import { Anchor, Badge, Button, FileInput, Group, Paper, Stack, Table, Tabs, Text, TextInput, Textarea } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import type { SharedProps } from '~/types'

export interface SourceDto {
  id: string
  kind: 'upload' | 'url' | 'text'
  title: string
  url: string | null
  filename: string | null
  status: 'queued' | 'extracting' | 'embedding' | 'ready' | 'failed'
  failureReason: string | null
  chunkCount: number
  summary: string | null
  summaryNote: string | null
  byteSize: number | null
  lastSyncedAt: string | null
  createdAt: string
}

interface Props {
  sources: SourceDto[]
  supportedExtensions: string[]
  canManage: boolean
}

export const STATUS_COLORS: Record<SourceDto['status'], string> = {
  queued: 'gray',
  extracting: 'blue',
  embedding: 'indigo',
  ready: 'teal',
  failed: 'red',
}
const KIND_LABELS: Record<SourceDto['kind'], string> = { upload: 'Document', url: 'Web page', text: 'Pasted text' }
const BUSY = new Set(['queued', 'extracting', 'embedding'])

function AddSource({ base, extensions }: { base: string; extensions: string[] }) {
  const form = useForm<{ kind: 'upload' | 'url' | 'text'; title: string; url: string; text: string; file: File | null }>({ kind: 'upload', title: '', url: '', text: '', file: null })
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    form.post(`${base}/knowledge`, { forceFormData: form.data.kind === 'upload', preserveScroll: true, onSuccess: () => form.reset() })
  }
  return (
    <Paper withBorder p="md" component="section" aria-label="Add knowledge">
      <form onSubmit={submit} noValidate>
        <Tabs value={form.data.kind} onChange={(kind) => form.setData('kind', (kind ?? 'upload') as 'upload')}>
          <Tabs.List>
            <Tabs.Tab value="upload">Upload a document</Tabs.Tab>
            <Tabs.Tab value="url">Add a web page</Tabs.Tab>
            <Tabs.Tab value="text">Paste text</Tabs.Tab>
          </Tabs.List>
          <Stack gap="sm" pt="sm">
            <TextInput label="Title" description={form.data.kind === 'text' ? 'Required' : 'Optional: defaults to the file name or address'} value={form.data.title} onChange={(event) => form.setData('title', event.currentTarget.value)} error={form.errors.title} />
            <Tabs.Panel value="upload">
              <FileInput label="Document" description={`${extensions.map((extension) => `.${extension}`).join(', ')} — up to 10 MB`} value={form.data.file} onChange={(file) => form.setData('file', file)} error={form.errors.file} clearable />
            </Tabs.Panel>
            <Tabs.Panel value="url">
              <TextInput label="Web address" placeholder="https://help.example.com/refunds" description="Fetched now and again on a schedule" value={form.data.url} onChange={(event) => form.setData('url', event.currentTarget.value)} error={form.errors.url} />
            </Tabs.Panel>
            <Tabs.Panel value="text">
              <Textarea label="Text" description="Markdown headings (#, ##) split it into sections" autosize minRows={5} maxRows={16} value={form.data.text} onChange={(event) => form.setData('text', event.currentTarget.value)} error={form.errors.text} />
            </Tabs.Panel>
            <Group justify="flex-end">
              <Button type="submit" loading={form.processing}>
                Add to knowledge base
              </Button>
            </Group>
          </Stack>
        </Tabs>
      </form>
    </Paper>
  )
}

export default function Sources({ sources, supportedExtensions, canManage }: Props) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const base = `/w/${currentWorkspace!.slug}`
  const [busy, setBusy] = useState(false)
  const working = sources.some((source) => BUSY.has(source.status))

  // While sources are being processed in the background, refresh their status.
  useEffect(() => {
    if (!working) return
    const timer = setInterval(() => router.reload({ only: ['sources'] }), 2000)
    return () => clearInterval(timer)
  }, [working])

  const act = (method: 'post' | 'delete', url: string, confirm?: string) => {
    if (confirm && !window.confirm(confirm)) return
    setBusy(true)
    router[method](url, {}, { preserveScroll: true, onFinish: () => setBusy(false) })
  }

  return (
    <AppLayout title="Knowledge base">
      <Text size="sm" c="dimmed">
        Suggested replies and the playground answer only from these sources. Help articles are workspace knowledge; do not upload customers’ personal data here.
      </Text>
      {canManage && <AddSource base={base} extensions={supportedExtensions} />}
      <Table aria-label="Knowledge sources" withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Source</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Passages</Table.Th>
            <Table.Th>Summary</Table.Th>
            {canManage && <Table.Th>Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sources.map((source) => (
            <Table.Tr key={source.id} data-testid={`source-${source.id}`}>
              <Table.Td>
                <Anchor component={Link} href={`${base}/knowledge/${source.id}`} fw={600}>
                  {source.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {KIND_LABELS[source.kind]}
                  {source.url ? ` · ${source.url}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLORS[source.status]} variant="light" data-testid="source-status">
                  {source.status}
                </Badge>
                {source.failureReason && (
                  <Text size="xs" c="red" mt={4}>
                    {source.failureReason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{source.chunkCount}</Table.Td>
              <Table.Td maw={360}>
                <Text size="xs" c={source.summary ? undefined : 'dimmed'}>
                  {source.summary ?? source.summaryNote ?? '—'}
                </Text>
              </Table.Td>
              {canManage && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-xs" variant="light" disabled={busy} onClick={() => act('post', `${base}/knowledge/${source.id}/resync`)} aria-label={`Re-sync ${source.title}`}>
                      Re-sync
                    </Button>
                    <Button size="compact-xs" variant="subtle" color="red" disabled={busy} onClick={() => act('delete', `${base}/knowledge/${source.id}`, `Delete “${source.title}” and its passages?`)} aria-label={`Delete ${source.title}`}>
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
          {sources.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text c="dimmed" size="sm">
                  No sources yet. Upload a help article, add a web page or paste text.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </AppLayout>
  )
}
