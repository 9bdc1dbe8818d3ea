import type { ReactNode } from 'react'
import { Head } from '@inertiajs/react'
import { Anchor, Center, Container, Paper, Stack, Text, Title } from '@mantine/core'
import { FlashMessages } from '~/components/flash_messages'

/** Centered card for signed-out pages (login, signup, reset). */
export function AuthLayout({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <Center mih="100vh" bg="gray.0">
      <Head title={title} />
      <Container size={440} w="100%" py="xl">
        <Stack gap="xs" align="center" mb="lg">
          <Anchor href="/" underline="never" fw={800} size="xl" c="indigo">
            Vaultdesk
          </Anchor>
          <Title order={1} size="h2" ta="center">
            {title}
          </Title>
          {subtitle && (
            <Text c="dimmed" size="sm" ta="center">
              {subtitle}
            </Text>
          )}
        </Stack>
        <Paper withBorder shadow="sm" p="xl" component="main">
          <FlashMessages />
          {children}
        </Paper>
      </Container>
    </Center>
  )
}
