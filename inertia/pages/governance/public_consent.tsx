import { router } from '@inertiajs/react'
import { Alert, Badge, Button, Group, Paper, Text, Title } from '@mantine/core'
import { PublicLayout } from './components/public_layout'

interface Purpose {
  key: string
  name: string
  text: string
  textHash: string
  granted: boolean
  decidedAt: string | null
}

/** One link for a subject's consents: give or withdraw each with one button. */
export default function PublicConsent({ purposes, globalPrivacyControl }: { purposes: Purpose[]; globalPrivacyControl: boolean }) {
  const decide = (purpose: Purpose, decision: 'grant' | 'withdraw') =>
    router.post(window.location.pathname + window.location.search, { purpose: purpose.key, decision, textHash: purpose.textHash }, { preserveScroll: true })
  return (
    <PublicLayout title="Your consent choices">
      {globalPrivacyControl && (
        <Alert color="blue" title="Global Privacy Control detected">
          Your browser asks sites not to sell or share your data. We honour it: consent cannot be given from this browser.
        </Alert>
      )}
      {purposes.map((purpose) => (
        <Paper key={purpose.key} withBorder p="md" data-testid={`consent-${purpose.key}`}>
          <Group justify="space-between">
            <Title order={2} size="h4">
              {purpose.name}
            </Title>
            <Badge color={purpose.granted ? 'teal' : 'gray'}>{purpose.granted ? 'Given' : 'Not given'}</Badge>
          </Group>
          <Text my="sm">{purpose.text}</Text>
          {purpose.granted ? (
            <Button color="red" variant="light" onClick={() => decide(purpose, 'withdraw')}>
              Withdraw consent for {purpose.name}
            </Button>
          ) : (
            <Button onClick={() => decide(purpose, 'grant')}>Give consent for {purpose.name}</Button>
          )}
        </Paper>
      ))}
    </PublicLayout>
  )
}
