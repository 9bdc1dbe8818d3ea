import type { ReactNode } from 'react'
import { Head, Link } from '@inertiajs/react'
import { Anchor, Container, Group, Stack, Text } from '@mantine/core'
import { FlashMessages } from '~/components/flash_messages'

export interface HelpSite {
  name: string
  slug: string
  /** '' on the workspace's custom domain, `/help/<slug>` elsewhere. */
  basePath: string
  /** The custom domain (https://help.acme.com) when verified, else the app's /help/<slug> URL. */
  canonicalBase: string
}

/** Frame of a workspace's public help center (no login, the workspace's name, no Vaultdesk navigation). */
export function HelpLayout({ site, title, canonicalPath = '', children }: { site: HelpSite; title: string; canonicalPath?: string; children: ReactNode }) {
  return (
    <Container size="md" py="xl">
      <Head title={`${title} — ${site.name} help center`}>
        <link rel="canonical" href={`${site.canonicalBase}${canonicalPath}`} head-key="canonical" />
      </Head>
      <Stack>
        <Group justify="space-between" component="header">
          <Anchor component={Link} href={site.basePath || '/'} fw={800} size="lg" underline="never">
            {site.name} help center
          </Anchor>
          <Anchor href={`/privacy/${site.slug}`} size="sm">Privacy requests</Anchor>
        </Group>
        <FlashMessages />
        <main>
          <Stack>{children}</Stack>
        </main>
        <Text size="xs" c="dimmed" component="footer">Powered by Vaultdesk</Text>
      </Stack>
    </Container>
  )
}
