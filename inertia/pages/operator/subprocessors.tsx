import { router, useForm } from '@inertiajs/react'
import { Badge, Button, Checkbox, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'

interface Objection {
  id: string
  workspace: string
  reason: string
  createdAt: string
}

interface Subprocessor {
  id: string
  name: string
  legalEntity: string
  country: string
  purpose: string
  status: 'upcoming' | 'active' | 'retired'
  effectiveAt: string
  objections: Objection[]
}

const FIELDS = [
  ['name', 'Name'],
  ['legalEntity', 'Legal entity'],
  ['country', 'Country'],
  ['category', 'Category'],
  ['purpose', 'Purpose'],
  ['region', 'Region'],
  ['transferMechanism', 'Transfer mechanism'],
] as const

/** The platform's subprocessor registry with owners' objections. */
export default function OperatorSubprocessors({ subprocessors }: { subprocessors: Subprocessor[] }) {
  const form = useForm({ name: '', legalEntity: '', country: '', category: '', purpose: '', region: '', transferMechanism: '', processesWorkspaceData: true, noticeDays: 30 })
  return (
    <AppLayout title="Subprocessors">
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          Announce a subprocessor
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            form.post('/operator/subprocessors', { preserveScroll: true, onSuccess: () => form.reset() })
          }}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {FIELDS.map(([field, label]) => (
              <TextInput key={field} label={label} value={form.data[field]} onChange={(event) => form.setData(field, event.currentTarget.value)} error={form.errors[field]} />
            ))}
            <NumberInput label="Notice period (days)" min={30} value={form.data.noticeDays} onChange={(value) => form.setData('noticeDays', Number(value))} error={form.errors.noticeDays} />
          </SimpleGrid>
          <Checkbox mt="sm" label="Processes workspace data (listed as a recipient in privacy requests)" checked={form.data.processesWorkspaceData} onChange={(event) => form.setData('processesWorkspaceData', event.currentTarget.checked)} />
          <Button type="submit" mt="sm" loading={form.processing}>
            Announce and email owners
          </Button>
        </form>
      </Paper>
      <Paper withBorder p="md">
        <Table aria-label="Registry">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Subprocessor</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Objections</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {subprocessors.map((subprocessor) => (
              <Table.Tr key={subprocessor.id} data-testid={`registry-${subprocessor.name}`}>
                <Table.Td>
                  <Text fw={600}>{subprocessor.name}</Text>
                  <Text size="xs" c="dimmed">
                    {subprocessor.legalEntity}, {subprocessor.country} — {subprocessor.purpose}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={subprocessor.status === 'upcoming' ? 'blue' : subprocessor.status === 'active' ? 'teal' : 'gray'}>
                    {subprocessor.status} {subprocessor.status === 'upcoming' && `(${new Date(subprocessor.effectiveAt).toLocaleDateString()})`}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {subprocessor.objections.length === 0 && <Text size="xs" c="dimmed">None</Text>}
                    {subprocessor.objections.map((objection) => (
                      <Text key={objection.id} size="xs" data-testid="objection">
                        <b>{objection.workspace}</b>: {objection.reason}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {subprocessor.status !== 'retired' && (
                    <Group>
                      <Button size="xs" variant="subtle" color="red" onClick={() => router.post(`/operator/subprocessors/${subprocessor.id}/retire`, {}, { preserveScroll: true })}>
                        Retire
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </AppLayout>
  )
}
