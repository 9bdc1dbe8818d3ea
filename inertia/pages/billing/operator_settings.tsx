import { useForm } from '@inertiajs/react'
import { Badge, Button, Group, Paper, PasswordInput, Text, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'

interface WebhookSecret {
  source: 'vault' | 'environment' | 'none'
  hint: string
  updatedAt: string | null
}

const SOURCES: Record<WebhookSecret['source'], string> = {
  vault: 'Kept by the vault',
  environment: 'From STRIPE_WEBHOOK_SECRET',
  none: 'Not set: webhooks are refused',
}

/** Where Stripe webhooks' signing secret comes from; a new one replaces it and is never shown again. */
export default function OperatorBillingSettings({ webhookSecret }: { webhookSecret: WebhookSecret }) {
  const form = useForm({ webhookSecret: '' })
  return (
    <AppLayout title="Billing settings">
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          Stripe webhook signing secret
        </Title>
        <Group gap="xs" mb="sm">
          <Badge color={webhookSecret.source === 'none' ? 'red' : 'teal'} data-testid="webhook-secret-source">
            {SOURCES[webhookSecret.source]}
          </Badge>
          {webhookSecret.hint && <Text size="sm">{webhookSecret.hint}</Text>}
        </Group>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            form.put('/operator/billing/webhook-secret', { preserveScroll: true, onSuccess: () => form.reset() })
          }}
        >
          <PasswordInput
            label="New signing secret (whsec_…)"
            description="From the endpoint's page in Stripe's dashboard. Sealed by the vault; it will not be shown again."
            value={form.data.webhookSecret}
            onChange={(event) => form.setData('webhookSecret', event.currentTarget.value)}
            error={form.errors.webhookSecret}
            autoComplete="off"
          />
          <Button type="submit" mt="sm" loading={form.processing}>
            Save secret
          </Button>
        </form>
      </Paper>
    </AppLayout>
  )
}
