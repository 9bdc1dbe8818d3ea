import { Head, useForm } from '@inertiajs/react'
import { Alert, Button, Center, Paper, Stack, Text, Textarea, Title } from '@mantine/core'

interface Props {
  state: 'rated' | 'thanks'
  workspaceName?: string
  ticketNumber?: number
  question?: string
  score?: number
  scoreLabel?: string
  commentUrl?: string
  flash?: { success?: string | null }
}

/** The public page a contact lands on from the survey mail. No sign-in, no conversation content. */
export default function Csat({ state, workspaceName, ticketNumber, score, scoreLabel, commentUrl }: Props) {
  const form = useForm({ comment: '' })
  return (
    <Center mih="100vh" p="md">
      <Head title="Thank you" />
      <Paper withBorder p="xl" maw={520} w="100%" component="main">
        {state === 'rated' ? (
          <Stack gap="sm">
            <Title order={1} size="h3">
              Thank you for your feedback
            </Title>
            <Text data-testid="csat-recorded">
              You rated request #{ticketNumber} with {workspaceName}: <strong>{score} – {scoreLabel}</strong>.
            </Text>
            <form
              noValidate
              onSubmit={(event) => {
                event.preventDefault()
                form.post(commentUrl!)
              }}
            >
              <Stack gap="xs">
                <Textarea
                  label="Anything you would like to add? (optional)"
                  autosize
                  minRows={3}
                  maxLength={2000}
                  value={form.data.comment}
                  onChange={(event) => form.setData('comment', event.currentTarget.value)}
                  error={form.errors.comment}
                />
                <Button type="submit" loading={form.processing} w="fit-content">
                  Send comment
                </Button>
              </Stack>
            </form>
          </Stack>
        ) : (
          <Stack gap="sm">
            <Title order={1} size="h3">
              Thank you
            </Title>
            <Alert color="teal" role="status" data-testid="csat-thanks">
              Your comment was sent. You can close this page.
            </Alert>
          </Stack>
        )}
      </Paper>
    </Center>
  )
}
