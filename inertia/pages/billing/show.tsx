import { router, useForm } from '@inertiajs/react'
import { Alert, Anchor, Badge, Button, Card, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'

interface Plan {
  key: string
  name: string
  monthlyPrice: string
  seats: number
  aiTokens: number
  channels: number
  current: boolean
}

interface Usage {
  used: number
  limit: number
}

interface Invoice {
  id: string
  number: string | null
  status: string
  total: string
  issuedAt: string
  periodStart: string | null
  periodEnd: string | null
  hostedInvoiceUrl: string | null
}

interface Props {
  workspace: { name: string; slug: string }
  subscription: {
    plan: string
    planName: string
    status: string
    statusLabel: string
    trialEndsAt: string | null
    trialDaysLeft: number | null
    trialRefusal: string | null
    currentPeriodEnd: string | null
    cancelAtPeriodEnd: boolean
    hasSubscription: boolean
    hasCustomer: boolean
  }
  usage: { seats: Usage; aiTokens: Usage; channels: Usage }
  plans: Plan[]
  invoices: Invoice[]
  details: {
    billingName: string
    billingEmail: string
    vatId: string
    address: { line1: string; line2: string; postalCode: string; city: string; country: string }
  }
  checkoutResult: 'success' | 'canceled' | null
}

const STATUS_COLORS: Record<string, string> = {
  trialing: 'blue',
  active: 'teal',
  past_due: 'orange',
  unpaid: 'red',
  canceled: 'gray',
  incomplete: 'yellow',
  none: 'gray',
}

function day(iso: string | null) {
  return iso ? new Date(iso).toLocaleDateString() : '—'
}

function UsageMeter({ label, usage }: { label: string; usage: Usage }) {
  const percent = usage.limit > 0 ? Math.min(100, (usage.used / usage.limit) * 100) : 100
  return (
    <Stack gap={4} data-testid={`usage-${label.toLowerCase().replace(/\s+/g, '-')}`}>
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="sm">
          {usage.used.toLocaleString()} of {usage.limit.toLocaleString()}
        </Text>
      </Group>
      <Progress value={percent} color={percent >= 100 ? 'red' : 'indigo'} aria-label={`${label} used`} />
    </Stack>
  )
}

export default function BillingShow({ workspace, subscription, usage, plans, invoices, details, checkoutResult }: Props) {
  const base = `/w/${workspace.slug}/billing`
  const choose = (plan: Plan) => {
    if (subscription.hasSubscription) router.put(`${base}/plan`, { plan: plan.key }, { preserveScroll: true })
    else router.post(`${base}/checkout`, { plan: plan.key })
  }

  return (
    <AppLayout
      title="Billing"
      actions={
        subscription.hasCustomer && (
          <Button variant="light" onClick={() => router.post(`${base}/portal`)}>
            Manage payment in Stripe
          </Button>
        )
      }
    >
      {checkoutResult === 'success' && (
        <Alert color="teal" role="status">
          Thank you! Stripe confirmed your checkout; your plan shows below as soon as the payment is recorded.
        </Alert>
      )}
      {checkoutResult === 'canceled' && <Alert color="gray">Checkout was canceled. Nothing was charged.</Alert>}
      {subscription.trialRefusal && (
        <Alert color="orange" role="alert" title="No free trial">
          {subscription.trialRefusal} Choose a plan to continue.
        </Alert>
      )}

      <Paper withBorder p="lg" data-testid="current-plan">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {subscription.planName} plan
            </Title>
            <Badge color={STATUS_COLORS[subscription.status] ?? 'gray'} size="lg" data-testid="plan-status" data-status={subscription.status}>
              {subscription.statusLabel}
            </Badge>
          </Group>
          {subscription.trialDaysLeft !== null && (
            <Text data-testid="trial-days">
              {subscription.trialDaysLeft} {subscription.trialDaysLeft === 1 ? 'day' : 'days'} left in the free trial (until{' '}
              {day(subscription.trialEndsAt)}).
            </Text>
          )}
          {subscription.currentPeriodEnd && subscription.status !== 'trialing' && (
            <Text size="sm" c="dimmed">
              {subscription.cancelAtPeriodEnd ? 'Ends' : 'Renews'} on {day(subscription.currentPeriodEnd)}.
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
            <UsageMeter label="Seats" usage={usage.seats} />
            <UsageMeter label="AI tokens this month" usage={usage.aiTokens} />
            <UsageMeter label="Channels" usage={usage.channels} />
          </SimpleGrid>
        </Stack>
      </Paper>

      <Title order={2} size="h4">
        Plans
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {plans.map((plan) => (
          <Card withBorder key={plan.key} data-testid={`plan-${plan.key}`}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={3} size="h5">
                  {plan.name}
                </Title>
                {plan.current && <Badge>Current</Badge>}
              </Group>
              <Text fw={700} size="xl">
                {plan.monthlyPrice}
                <Text span size="sm" c="dimmed">
                  {' '}
                  / month
                </Text>
              </Text>
              <Text size="sm">{plan.seats} seats</Text>
              <Text size="sm">{plan.aiTokens.toLocaleString()} AI tokens a month</Text>
              <Text size="sm">
                {plan.channels} {plan.channels === 1 ? 'channel' : 'channels'}
              </Text>
              <Button onClick={() => choose(plan)} disabled={plan.current}>
                {plan.current ? 'Your plan' : subscription.hasSubscription ? `Switch to ${plan.name}` : `Choose ${plan.name}`}
              </Button>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>

      <BillingDetailsForm slug={workspace.slug} details={details} />

      <Paper withBorder p="lg">
        <Title order={2} size="h4" mb="sm">
          Invoices
        </Title>
        {invoices.length === 0 ? (
          <Text c="dimmed">No invoices yet.</Text>
        ) : (
          <Table aria-label="Invoices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th>Period</Table.Th>
                <Table.Th>Total</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoices.map((invoice) => (
                <Table.Tr key={invoice.id}>
                  <Table.Td>
                    {invoice.hostedInvoiceUrl ? (
                      <Anchor href={invoice.hostedInvoiceUrl} target="_blank" rel="noreferrer">
                        {invoice.number ?? 'Invoice'}
                      </Anchor>
                    ) : (
                      (invoice.number ?? 'Draft')
                    )}
                  </Table.Td>
                  <Table.Td>{day(invoice.issuedAt)}</Table.Td>
                  <Table.Td>
                    {day(invoice.periodStart)} – {day(invoice.periodEnd)}
                  </Table.Td>
                  <Table.Td>{invoice.total}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={invoice.status === 'paid' ? 'teal' : 'gray'}>
                      {invoice.status}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </AppLayout>
  )
}

function BillingDetailsForm({ slug, details }: { slug: string; details: Props['details'] }) {
  const form = useForm({
    billingName: details.billingName,
    billingEmail: details.billingEmail,
    vatId: details.vatId,
    line1: details.address.line1,
    line2: details.address.line2,
    postalCode: details.address.postalCode,
    city: details.address.city,
    country: details.address.country,
  })
  const errors = form.errors as Record<string, string | undefined>
  const field = (key: keyof typeof form.data, label: string, errorKey: string = key, required = true) => (
    <TextInput
      label={label}
      required={required}
      value={form.data[key]}
      onChange={(event) => form.setData(key, event.currentTarget.value)}
      error={errors[errorKey]}
    />
  )
  return (
    <Paper withBorder p="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          form.transform((data) => ({
              billingName: data.billingName,
              billingEmail: data.billingEmail,
              vatId: data.vatId || undefined,
              address: { line1: data.line1, line2: data.line2 || undefined, postalCode: data.postalCode, city: data.city, country: data.country },
            }))
          form.put(`/w/${slug}/billing/details`, { preserveScroll: true })
        }}
      >
        <Stack>
          <Title order={2} size="h4">
            Billing details
          </Title>
          <Text size="sm" c="dimmed">
            Printed on your invoices and kept encrypted. Stripe receives them to issue invoices.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {field('billingName', 'Company or name')}
            {field('billingEmail', 'Billing email')}
            {field('vatId', 'VAT ID', 'vatId', false)}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {field('line1', 'Address line 1', 'address.line1')}
            {field('line2', 'Address line 2', 'address.line2', false)}
            {field('postalCode', 'Postal code', 'address.postalCode')}
            {field('city', 'City', 'address.city')}
            {field('country', 'Country code (e.g. DE)', 'address.country')}
          </SimpleGrid>
          <Button type="submit" loading={form.processing} w="fit-content">
            Save billing details
          </Button>
        </Stack>
      </form>
    </Paper>
  )
}
