import { useForm, usePage } from '@inertiajs/react'
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import { PaginationBar } from '~/components/pagination_bar'
import type { Pagination, SharedProps } from '~/types'
import type { TicketListItem } from '../components/types'
import { TicketList } from '../components/ticket_list'

interface Props {
  contact: {
    id: string
    name: string
    rawName: string | null
    email: string | null
    phone: string | null
    ticketCount: number
    processingRestricted: boolean
    createdAt: string
    traits: Record<string, unknown>
    externalIds: { system: string; value: string }[]
    processingRestrictedAt: string | null
    processingObjections: { purpose: string; since: string }[]
  }
  tickets: TicketListItem[]
  pagination: Pagination
  canWork: boolean
}

/** What each purpose a contact can object to covers (the privacy desk records objections). */
const PURPOSE_LABELS: Record<string, string> = {
  analytics: 'Analytics',
  surveys: 'Satisfaction surveys',
  ai: 'AI features (suggested replies, summaries)',
  marketing: 'Marketing',
}

/** "key: value" lines <-> a flat traits record. */
const traitsToText = (traits: Record<string, unknown>) => Object.entries(traits).map(([key, value]) => `${key}: ${value}`).join('\n')
const textToTraits = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.split(/:(.*)/s).map((part) => part?.trim()))
      .filter(([key]) => key)
      .map(([key, value]) => [key, value === 'true' ? true : value === 'false' ? false : value && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : (value ?? '')])
  )
const idsToText = (ids: { system: string; value: string }[]) => ids.map((id) => `${id.system}: ${id.value}`).join('\n')
const textToIds = (text: string) =>
  text
    .split('\n')
    .map((line) => line.split(/:(.*)/s).map((part) => part?.trim()))
    .filter(([system, value]) => system && value)
    .map(([system, value]) => ({ system, value }))

export default function ContactShow({ contact, tickets, pagination, canWork }: Props) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const base = `/w/${currentWorkspace!.slug}`
  const form = useForm({
    name: contact.rawName ?? '',
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    traits: traitsToText(contact.traits),
    externalIds: idsToText(contact.externalIds),
  })
  const errors = form.errors as Record<string, string>

  return (
    <AppLayout title={contact.name}>
      <Group gap="xs">
        {contact.processingRestricted && <Badge color="orange">Processing restricted: no analytics, no surveys</Badge>}
        <Text size="sm" c="dimmed">
          Contact since {new Date(contact.createdAt).toLocaleDateString()} · {contact.ticketCount} {contact.ticketCount === 1 ? 'ticket' : 'tickets'}
        </Text>
      </Group>
      <Paper withBorder p="md" component="section" aria-labelledby="contact-details">
        <Title order={2} size="h4" id="contact-details" mb="sm">
          Details
        </Title>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            form.transform((data) => ({ ...data, traits: textToTraits(data.traits), externalIds: textToIds(data.externalIds) }))
            form.put(`${base}/contacts/${contact.id}`, { preserveScroll: true })
          }}
        >
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label="Name" value={form.data.name} readOnly={!canWork} onChange={(event) => form.setData('name', event.currentTarget.value)} error={errors.name} />
              <TextInput label="Email" type="email" value={form.data.email} readOnly={!canWork} onChange={(event) => form.setData('email', event.currentTarget.value)} error={errors.email} />
              <TextInput label="Phone" value={form.data.phone} readOnly={!canWork} onChange={(event) => form.setData('phone', event.currentTarget.value)} error={errors.phone} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Textarea
                label="Traits"
                description="One per line: name: value"
                autosize
                minRows={3}
                value={form.data.traits}
                readOnly={!canWork}
                onChange={(event) => form.setData('traits', event.currentTarget.value)}
                error={errors.traits}
              />
              <Textarea
                label="External ids"
                description="One per line: system: id (e.g. crm: 4711)"
                autosize
                minRows={3}
                value={form.data.externalIds}
                readOnly={!canWork}
                onChange={(event) => form.setData('externalIds', event.currentTarget.value)}
                error={errors.externalIds}
              />
            </SimpleGrid>
            {canWork && (
              <Group>
                <Button type="submit" loading={form.processing}>
                  Save contact
                </Button>
              </Group>
            )}
          </Stack>
        </form>
      </Paper>
      {(contact.processingObjections.length > 0 || contact.processingRestrictedAt) && (
        <Paper withBorder p="md" component="section" aria-labelledby="contact-processing" data-testid="processing-objections">
          <Title order={2} size="h4" id="contact-processing" mb="xs">
            Processing choices
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Recorded by the privacy desk. Nothing is done with this contact’s data for these purposes.
          </Text>
          <Table aria-label="Processing objections" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Purpose</Table.Th>
                <Table.Th>Since</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contact.processingRestrictedAt && (
                <Table.Tr>
                  <Table.Td>All processing restricted (no analytics, surveys or AI)</Table.Td>
                  <Table.Td>{new Date(contact.processingRestrictedAt).toLocaleDateString()}</Table.Td>
                </Table.Tr>
              )}
              {contact.processingObjections.map((objection) => (
                <Table.Tr key={objection.purpose}>
                  <Table.Td>Objected to {PURPOSE_LABELS[objection.purpose] ?? objection.purpose}</Table.Td>
                  <Table.Td>{new Date(objection.since).toLocaleDateString()}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {contact.externalIds.length > 0 && (
        <Table aria-label="External ids" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>External system</Table.Th>
              <Table.Th>Id there</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contact.externalIds.map((id) => (
              <Table.Tr key={`${id.system}-${id.value}`}>
                <Table.Td>{id.system}</Table.Td>
                <Table.Td>{id.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={2} size="h4">
        Tickets
      </Title>
      <TicketList tickets={tickets} selectedId={null} hrefFor={(ticket) => `${base}/inbox/${ticket.id}?status=all`} checked={[]} />
      <PaginationBar pagination={pagination} label="tickets" />
    </AppLayout>
  )
}
