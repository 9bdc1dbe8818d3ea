import { useState } from 'react'
import { Link, router } from '@inertiajs/react'
import { Anchor, Breadcrumbs, Button, Group, Paper, Text, Title, Typography } from '@mantine/core'
import { HelpLayout, type HelpSite } from './components/help_layout'
import type { HelpCategory } from './help_center'

interface Props {
  site: HelpSite
  article: { slug: string; title: string; html: string; publishedAt: string | null }
  category: HelpCategory | null
}

/** One published article; its HTML was rendered from Markdown and sanitised on the server. */
export default function PublicHelpArticle({ site, article, category }: Props) {
  const [sent, setSent] = useState(false)
  const vote = (helpful: boolean) =>
    router.post(`${site.basePath}/articles/${article.slug}/feedback`, { helpful }, { preserveScroll: true, onSuccess: () => setSent(true) })
  return (
    <HelpLayout site={site} title={article.title} canonicalPath={`/articles/${article.slug}`}>
      <Breadcrumbs>
        <Anchor component={Link} href={site.basePath || '/'}>Help center</Anchor>
        {category && <Text>{category.name}</Text>}
      </Breadcrumbs>
      <article>
        <Title order={1}>{article.title}</Title>
        {article.publishedAt && <Text size="xs" c="dimmed" mb="md">Updated {new Date(article.publishedAt).toLocaleDateString()}</Text>}
        <Typography>
          <div dangerouslySetInnerHTML={{ __html: article.html }} />
        </Typography>
      </article>
      <Paper withBorder p="md" component="section" aria-label="Feedback">
        {sent ? (
          <Text>Thank you for your feedback.</Text>
        ) : (
          <Group>
            <Text>Was this article helpful?</Text>
            <Button variant="light" onClick={() => vote(true)}>Yes</Button>
            <Button variant="light" color="gray" onClick={() => vote(false)}>No</Button>
          </Group>
        )}
      </Paper>
      <Text size="sm">
        Still stuck? <Anchor component={Link} href={site.basePath || '/'}>Write to us from the help center home</Anchor>.
      </Text>
    </HelpLayout>
  )
}
