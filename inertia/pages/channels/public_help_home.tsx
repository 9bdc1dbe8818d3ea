import { Link, router, useForm } from '@inertiajs/react'
import { Anchor, Button, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core'
import { useState } from 'react'
import { HelpLayout, type HelpSite } from './components/help_layout'
import type { HelpCategory } from './help_center'

interface ArticleLink {
  slug: string
  title: string
  categoryId: string | null
  snippet: string | null
}

interface Props {
  site: HelpSite
  categories: HelpCategory[]
  articles: ArticleLink[]
  query: string
  results: ArticleLink[] | null
}

/** ts_headline marks matches with « »; shown as <mark> without trusting any HTML. */
function Snippet({ text }: { text: string }) {
  return (
    <Text size="sm" c="dimmed">
      {text.split(/(«[^»]*»)/).map((part, index) => (part.startsWith('«') ? <mark key={index}>{part.slice(1, -1)}</mark> : part))}
    </Text>
  )
}

function ArticleList({ site, articles }: { site: HelpSite; articles: ArticleLink[] }) {
  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {articles.map((article) => (
        <li key={article.slug}>
          <Anchor component={Link} href={`${site.basePath}/articles/${article.slug}`}>{article.title}</Anchor>
          {article.snippet && <Snippet text={article.snippet} />}
        </li>
      ))}
    </Stack>
  )
}

function ContactForm({ site }: { site: HelpSite }) {
  const form = useForm({ name: '', email: '', subject: '', message: '' })
  return (
    <Paper withBorder p="md" component="section" aria-label="Contact us">
      <form onSubmit={(event) => { event.preventDefault(); form.post(`${site.basePath}/contact`, { preserveScroll: true, onSuccess: () => form.reset() }) }}>
        <Stack gap="sm">
          <Title order={2} size="h4">Still need help?</Title>
          <Text size="sm" c="dimmed">Write to us: your message reaches our support team and we answer by email. We use your address only to answer you.</Text>
          <TextInput label="Your name" value={form.data.name} onChange={(event) => form.setData('name', event.currentTarget.value)} error={form.errors.name} />
          <TextInput label="Your email" type="email" required value={form.data.email} onChange={(event) => form.setData('email', event.currentTarget.value)} error={form.errors.email} />
          <TextInput label="Subject" value={form.data.subject} onChange={(event) => form.setData('subject', event.currentTarget.value)} error={form.errors.subject} />
          <Textarea label="Message" required autosize minRows={4} value={form.data.message} onChange={(event) => form.setData('message', event.currentTarget.value)} error={form.errors.message} />
          <Button type="submit" loading={form.processing} style={{ alignSelf: 'flex-start' }}>Send message</Button>
        </Stack>
      </form>
    </Paper>
  )
}

/** The public home of a help center: search, categories with their articles, contact form. */
export default function PublicHelpHome({ site, categories, articles, query, results }: Props) {
  const [search, setSearch] = useState(query)
  const uncategorised = articles.filter((article) => !article.categoryId || !categories.some((category) => category.id === article.categoryId))
  return (
    <HelpLayout site={site} title="Help center">
      <form role="search" onSubmit={(event) => { event.preventDefault(); router.get(site.basePath || '/', search.trim() ? { q: search } : {}) }}>
        <TextInput label="Search the help center" size="md" value={search} onChange={(event) => setSearch(event.currentTarget.value)} maxLength={200} rightSection={<Button type="submit" size="xs">Search</Button>} rightSectionWidth={80} />
      </form>
      {results !== null ? (
        <Stack component="section" aria-label="Search results">
          <Title order={2} size="h4">Results for “{query}”</Title>
          {results.length ? <ArticleList site={site} articles={results} /> : <Text c="dimmed">No article matches. Try other words, or write to us below.</Text>}
        </Stack>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {categories.map((category) => {
            const inCategory = articles.filter((article) => article.categoryId === category.id)
            return (
              <Paper key={category.id} withBorder p="md" component="section" aria-label={category.name}>
                <Title order={2} size="h4">{category.name}</Title>
                {category.description && <Text size="sm" c="dimmed" mb="xs">{category.description}</Text>}
                {inCategory.length ? <ArticleList site={site} articles={inCategory} /> : <Text size="sm" c="dimmed">No articles yet.</Text>}
              </Paper>
            )
          })}
          {uncategorised.length > 0 && (
            <Paper withBorder p="md" component="section" aria-label="More articles">
              <Title order={2} size="h4">More articles</Title>
              <ArticleList site={site} articles={uncategorised} />
            </Paper>
          )}
        </SimpleGrid>
      )}
      <ContactForm site={site} />
    </HelpLayout>
  )
}
