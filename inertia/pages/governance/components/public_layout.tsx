import type { ReactNode } from 'react'
import { Head } from '@inertiajs/react'
import { Anchor, Container, Group, Stack, Text, Title } from '@mantine/core'
import { FlashMessages } from '~/components/flash_messages'

/** Frame for public pages (no login): registry, policy versions, consent link. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container size="lg" py="xl">
      <Head title={title} />
      <Stack>
        <Group justify="space-between">
          <Text fw={800} c="indigo" size="lg">
            Vaultdesk
          </Text>
          <Group gap="md">
            <Anchor href="/subprocessors">Subprocessors</Anchor>
            <Anchor href="/privacy-policy">Privacy policy</Anchor>
          </Group>
        </Group>
        <Title order={1} size="h2">
          {title}
        </Title>
        <FlashMessages />
        {children}
      </Stack>
    </Container>
  )
}
