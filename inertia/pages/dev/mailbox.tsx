import { Link } from '@inertiajs/react'
import { Anchor, Container, Grid, NavLink, Paper, Stack, Text, Title } from '@mantine/core'

interface DevMail {
  id: string
  to: string
  subject: string
  date: string | null
  text: string
}

const linkify = (text: string) =>
  text.split(/(https?:\/\/\S+)/g).map((part, index) =>
    /^https?:\/\//.test(part) ? (
      <Anchor key={index} href={part}>
        {part}
      </Anchor>
    ) : (
      part
    )
  )

/** Development-only: mails the app sent while no SMTP server is configured. */
export default function DevMailbox({ messages, selectedId }: { messages: DevMail[]; selectedId: string | null }) {
  const selected = messages.find((message) => message.id === selectedId)
  return (
    <Container size="lg" py="lg">
      <Title order={1} size="h2" mb="xs">
        Development mailbox
      </Title>
      <Text c="dimmed" size="sm" mb="md">
        No SMTP server is configured, so mails are kept here. This page does not exist in production.{' '}
        <Anchor href="/app">Back to the app</Anchor>
      </Text>
      {messages.length === 0 ? (
        <Text>No mail yet.</Text>
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder>
              {messages.map((message) => (
                <NavLink
                  key={message.id}
                  component={Link}
                  href={`/dev/mailbox?id=${message.id}`}
                  active={message.id === selectedId}
                  label={message.subject}
                  description={`${message.to} · ${message.date ? new Date(message.date).toLocaleString() : ''}`}
                />
              ))}
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            {selected && (
              <Paper withBorder p="lg">
                <Stack gap="xs">
                  <Title order={2} size="h4">
                    {selected.subject}
                  </Title>
                  <Text size="sm" c="dimmed">
                    To: {selected.to}
                  </Text>
                  <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="mail-body">
                    {linkify(selected.text)}
                  </Text>
                </Stack>
              </Paper>
            )}
          </Grid.Col>
        </Grid>
      )}
    </Container>
  )
}
