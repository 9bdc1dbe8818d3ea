import { Link, router, useForm, usePage } from '@inertiajs/react'
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import type { SharedProps } from '~/types'
import { CustomDomainSettings, type CustomDomain } from './components/custom_domain'

export interface HelpCategory {
  id: string
  name: string
  slug: string
  description: string
  position: number
}

interface ArticleItem {
  id: string
  slug: string
  title: string
  categoryId: string | null
  published: boolean
  publishedVersion: number
  hasUnpublishedChanges: boolean
  helpfulCount: number
  notHelpfulCount: number
  updatedAt: string
}

interface Props {
  categories: HelpCategory[]
  articles: ArticleItem[]
  publicUrl: string
  canonicalUrl: string
  canWrite: boolean
  canManage: boolean
  customDomain: CustomDomain | null
}

function NewCategory({ base }: { base: string }) {
  const form = useForm({ name: '', description: '' })
  return (
    <Paper withBorder p="md" component="section" aria-label="New category">
      <form onSubmit={(event) => { event.preventDefault(); form.post(`${base}/help-center/categories`, { preserveScroll: true, onSuccess: () => form.reset() }) }}>
        <Group align="flex-end">
          <TextInput label="Category name" value={form.data.name} onChange={(event) => form.setData('name', event.currentTarget.value)} error={form.errors.name} required />
          <TextInput label="Category description" value={form.data.description} onChange={(event) => form.setData('description', event.currentTarget.value)} error={form.errors.description} style={{ flex: 1 }} />
          <Button type="submit" variant="light" loading={form.processing}>Add category</Button>
        </Group>
      </form>
    </Paper>
  )
}

function NewArticle({ base, categories }: { base: string; categories: HelpCategory[] }) {
  const form = useForm<{ title: string; categoryId: string | null }>({ title: '', categoryId: null })
  return (
    <Paper withBorder p="md" component="section" aria-label="New article">
      <form onSubmit={(event) => { event.preventDefault(); form.post(`${base}/help-center/articles`) }}>
        <Group align="flex-end">
          <TextInput label="Article title" value={form.data.title} onChange={(event) => form.setData('title', event.currentTarget.value)} error={form.errors.title} required style={{ flex: 1 }} />
          <Select label="Category" placeholder="None" clearable data={categories.map((category) => ({ value: category.id, label: category.name }))} value={form.data.categoryId} onChange={(value) => form.setData('categoryId', value)} />
          <Button type="submit" loading={form.processing}>New article</Button>
        </Group>
      </form>
    </Paper>
  )
}

/** The help center in the portal: categories and articles, with their publication state. */
export default function HelpCenter({ categories, articles, publicUrl, canonicalUrl, canWrite, canManage, customDomain }: Props) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const base = `/w/${currentWorkspace!.slug}`
  const categoryName = new Map(categories.map((category) => [category.id, category.name]))
  return (
    <AppLayout title="Help center">
      <Text size="sm" c="dimmed">
        Your public help center is at <Anchor href={publicUrl} target="_blank">{publicUrl}</Anchor>. Drafts stay private until published; published articles also feed the knowledge base.
        {canonicalUrl.startsWith('https://') && !canonicalUrl.includes('/help/') && <> Canonical address: <Anchor href={canonicalUrl} target="_blank">{canonicalUrl}</Anchor>.</>}
      </Text>
      {canManage && <CustomDomainSettings base={base} domain={customDomain} />}
      {canWrite && (
        <Stack>
          <NewArticle base={base} categories={categories} />
          <NewCategory base={base} />
        </Stack>
      )}
      <Title order={2} size="h4">Articles</Title>
      <Table aria-label="Articles" withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Title</Table.Th>
            <Table.Th>Category</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Helpful</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {articles.map((article) => (
            <Table.Tr key={article.id}>
              <Table.Td>
                <Anchor component={Link} href={`${base}/help-center/articles/${article.id}`} fw={600}>{article.title}</Anchor>
              </Table.Td>
              <Table.Td>{article.categoryId ? categoryName.get(article.categoryId) : '—'}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {article.published ? <Badge color="teal">Published v{article.publishedVersion}</Badge> : <Badge color="gray">Draft</Badge>}
                  {article.published && article.hasUnpublishedChanges && <Badge color="yellow">Unpublished changes</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>
                {article.helpfulCount} yes / {article.notHelpfulCount} no
              </Table.Td>
            </Table.Tr>
          ))}
          {!articles.length && (
            <Table.Tr>
              <Table.Td colSpan={4}><Text c="dimmed">No articles yet.</Text></Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <Title order={2} size="h4">Categories</Title>
      <Table aria-label="Categories" withTableBorder>
        <Table.Tbody>
          {categories.map((category) => (
            <Table.Tr key={category.id}>
              <Table.Td fw={600}>{category.name}</Table.Td>
              <Table.Td>{category.description}</Table.Td>
              {canWrite && (
                <Table.Td>
                  <Button
                    size="xs"
                    color="red"
                    variant="subtle"
                    aria-label={`Delete category ${category.name}`}
                    onClick={() => window.confirm(`Delete “${category.name}”? Its articles stay, uncategorised.`) && router.delete(`${base}/help-center/categories/${category.id}`, { preserveScroll: true })}
                  >
                    Delete
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </AppLayout>
  )
}
