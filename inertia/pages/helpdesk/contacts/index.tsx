import { useState } from 'react'
import { Link, router, useForm, usePage } from '@inertiajs/react'
import { Anchor, Badge, Button, Checkbox, Group, Paper, Radio, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import { PaginationBar } from '~/components/pagination_bar'
import type { Pagination, SharedProps } from '~/types'

interface ContactRow {
  id: string
  name: string
  email: string | null
  phone: string | null
  ticketCount: number
  processingRestricted: boolean
  createdAt: string
}

interface Props {
  contacts: ContactRow[]
  pagination: Pagination
  q: string
  canWork: boolean
}

export default function Contacts({ contacts, pagination, q, canWork }: Props) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const base = `/w/${currentWorkspace!.slug}`
  const [query, setQuery] = useState(q)
  const [checked, setChecked] = useState<string[]>([])
  const [keep, setKeep] = useState<string | null>(null)
  const add = useForm({ name: '', email: '', phone: '' })
  const pair = contacts.filter((contact) => checked.includes(contact.id))

  const merge = () => {
    const source = pair.find((contact) => contact.id !== keep)
    if (!keep || !source) return
    const target = pair.find((contact) => contact.id === keep)!
    if (!window.confirm(`Merge ${source.name} into ${target.name}? All of ${source.name}’s tickets move, and ${source.name} is removed.`)) return
    router.post(`${base}/contacts/${keep}/merge`, { sourceContactId: source.id }, { onSuccess: () => setChecked([]) })
  }

  return (
    <AppLayout title="Contacts">
      <Paper withBorder p="sm">
        <form
          role="search"
          onSubmit={(event) => {
            event.preventDefault()
            router.get(`${base}/contacts`, query ? { q: query } : {}, { preserveState: true })
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput
              style={{ flex: 1 }}
              label="Find a contact"
              description="Exact email address, phone number or external id (names are encrypted and cannot be searched)"
              value={query}
              onChange={(event) => setQuery(event.currentTarget.value)}
            />
            <Button type="submit" variant="light">
              Search
            </Button>
          </Group>
        </form>
      </Paper>

      {canWork && pair.length === 2 && (
        <Paper withBorder p="sm" bg="indigo.0" component="section" aria-label="Merge contacts">
          <Stack gap="xs">
            <Text fw={600}>Merge these two contacts</Text>
            <Radio.Group label="Which contact stays?" value={keep} onChange={setKeep}>
              <Group mt={4}>
                {pair.map((contact) => (
                  <Radio key={contact.id} value={contact.id} label={`${contact.name}${contact.email ? ` (${contact.email})` : ''}`} />
                ))}
              </Group>
            </Radio.Group>
            <Group>
              <Button onClick={merge} disabled={!keep}>
                Merge
              </Button>
              <Text size="xs" c="dimmed">
                The other contact’s tickets, messages, notes and files move to the one that stays.
              </Text>
            </Group>
          </Stack>
        </Paper>
      )}

      <Paper withBorder>
        <Table striped highlightOnHover verticalSpacing="xs" aria-label="Contacts">
          <Table.Thead>
            <Table.Tr>
              {canWork && (
                <Table.Th>
                  <VisuallyHidden>Select</VisuallyHidden>
                </Table.Th>
              )}
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Phone</Table.Th>
              <Table.Th>Tickets</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((contact) => (
              <Table.Tr key={contact.id} data-testid={`contact-${contact.email ?? contact.id}`}>
                {canWork && (
                  <Table.Td>
                    <Checkbox
                      aria-label={`Select ${contact.name}`}
                      checked={checked.includes(contact.id)}
                      disabled={!checked.includes(contact.id) && checked.length >= 2}
                      onChange={(event) =>
                        setChecked(event.currentTarget.checked ? [...checked, contact.id] : checked.filter((id) => id !== contact.id))
                      }
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <Anchor component={Link} href={`${base}/contacts/${contact.id}`}>
                    {contact.name}
                  </Anchor>{' '}
                  {contact.processingRestricted && (
                    <Badge size="xs" color="orange">
                      restricted
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{contact.email ?? '—'}</Table.Td>
                <Table.Td>{contact.phone ?? '—'}</Table.Td>
                <Table.Td>{contact.ticketCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {contacts.length === 0 && (
          <Text p="md" c="dimmed" size="sm">
            No contacts found.
          </Text>
        )}
      </Paper>
      <PaginationBar pagination={pagination} label="contacts" />
      {canWork && (
        <Text size="xs" c="dimmed">
          Select two contacts to merge a duplicate.
        </Text>
      )}

      {canWork && (
        <Paper withBorder p="md" component="section" aria-labelledby="add-contact">
          <Title order={2} size="h4" id="add-contact" mb="sm">
            Add a contact
          </Title>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault()
              add.post(`${base}/contacts`)
            }}
          >
            <Group align="flex-start" grow>
              <TextInput label="Name" value={add.data.name} onChange={(event) => add.setData('name', event.currentTarget.value)} error={add.errors.name} />
              <TextInput label="Email" type="email" value={add.data.email} onChange={(event) => add.setData('email', event.currentTarget.value)} error={add.errors.email} />
              <TextInput label="Phone" value={add.data.phone} onChange={(event) => add.setData('phone', event.currentTarget.value)} error={add.errors.phone} />
            </Group>
            <Button type="submit" mt="sm" loading={add.processing}>
              Add contact
            </Button>
          </form>
        </Paper>
      )}
    </AppLayout>
  )
}
