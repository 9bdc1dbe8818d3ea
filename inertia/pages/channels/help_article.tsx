import { useState } from 'react'
import { router, useForm, usePage } from '@inertiajs/react'
import { Anchor, Badge, Button, Group, List, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import type { SharedProps } from '~/types'
import type { HelpCategory } from './help_center'

interface Props {
  article: {
    id: string
    title: string
    body: string
    categoryId: string | null
    published: boolean
    publishedVersion: number
    hasUnpublishedChanges: boolean
    publishedAt: string | null
    versions: { version: number; title: string; publishedAt: string }[]
  }
  categories: HelpCategory[]
  publicUrl: string
  canWrite: boolean
}

/** Editing one article: the Markdown draft, then publish (or unpublish). */
export default function HelpArticle({ article, categories, publicUrl, canWrite }: Props) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const url = `/w/${currentWorkspace!.slug}/help-center/articles/${article.id}`
  const form = useForm({ title: article.title, body: article.body, categoryId: article.categoryId })
  const [busy, setBusy] = useState(false)
  const act = (method: 'post' | 'delete', target: string, confirm?: string) => {
    if (confirm && !window.confirm(confirm)) return
    setBusy(true)
    router[method](target, {}, { preserveScroll: true, onFinish: () => setBusy(false) })
  }
  return (
    <AppLayout title={article.title}>
      <Group gap="xs">
        {article.published ? <Badge color="teal">Published v{article.publishedVersion}</Badge> : <Badge color="gray">Draft</Badge>}
        {article.published && article.hasUnpublishedChanges && <Badge color="yellow">Unpublished changes</Badge>}
        {article.published && <Anchor href={publicUrl} target="_blank">View on the help center</Anchor>}
      </Group>
      <Paper withBorder p="md" component="section" aria-label="Draft">
        <form onSubmit={(event) => { event.preventDefault(); form.put(url, { preserveScroll: true }) }}>
          <Stack gap="sm">
            <TextInput label="Title" value={form.data.title} onChange={(event) => form.setData('title', event.currentTarget.value)} error={form.errors.title} disabled={!canWrite} required />
            <Select label="Category" placeholder="None" clearable data={categories.map((category) => ({ value: category.id, label: category.name }))} value={form.data.categoryId} onChange={(value) => form.setData('categoryId', value)} disabled={!canWrite} />
            <Textarea label="Body (Markdown)" autosize minRows={10} maxRows={30} value={form.data.body} onChange={(event) => form.setData('body', event.currentTarget.value)} error={form.errors.body} disabled={!canWrite} />
            {canWrite && (
              <Group justify="space-between">
                <Button type="submit" variant="light" loading={form.processing} disabled={!form.isDirty}>Save draft</Button>
                <Group>
                  {article.published && (
                    <Button color="gray" variant="subtle" disabled={busy} onClick={() => act('post', `${url}/unpublish`, 'Take this article off the public help center?')}>Unpublish</Button>
                  )}
                  <Button color="red" variant="subtle" disabled={busy} onClick={() => act('delete', url, 'Delete this article and all its versions?')}>Delete</Button>
                  <Button disabled={busy || form.isDirty || !article.hasUnpublishedChanges} onClick={() => act('post', `${url}/publish`)} title={form.isDirty ? 'Save the draft first' : undefined}>Publish</Button>
                </Group>
              </Group>
            )}
          </Stack>
        </form>
      </Paper>
      {article.versions.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h5">Published versions</Title>
          <List size="sm">
            {article.versions.map((version) => (
              <List.Item key={version.version}>
                <Text span fw={600}>v{version.version}</Text> — {version.title}, {new Date(version.publishedAt).toLocaleString()}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </AppLayout>
  )
}
