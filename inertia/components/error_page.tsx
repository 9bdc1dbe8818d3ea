import { Head } from '@inertiajs/react'
import { Anchor, Center, Stack, Text, Title } from '@mantine/core'

export function ErrorPage({ status, title, message }: { status: number; title: string; message: string }) {
  return (
    <Center mih="100vh">
      <Head title={title} />
      <Stack align="center" gap="xs" component="main" maw={520} p="md">
        <Text c="dimmed" fw={700}>
          {status}
        </Text>
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text ta="center" data-testid="error-message">
          {message}
        </Text>
        <Anchor href="/">Go to Vaultdesk</Anchor>
      </Stack>
    </Center>
  )
}
