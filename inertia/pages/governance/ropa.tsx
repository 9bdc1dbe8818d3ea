import { usePage } from '@inertiajs/react'
import { Anchor, Group, Paper, Table, Text, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import type { SharedProps } from '~/types'

interface Activity {
  module: string
  purpose: string
  legalBasis: string
  subjects: string[]
  categories: string[]
  tables: string[]
  retention: string
  erasure: string[]
  protection: string[]
  recipients: string
}

interface Record {
  role: string
  activities: Activity[]
}

function RecordTable({ title, record }: { title: string; record: Record }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4">
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {record.role}
      </Text>
      <Table aria-label={title} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Purpose</Table.Th>
            <Table.Th>Legal basis</Table.Th>
            <Table.Th>Subjects</Table.Th>
            <Table.Th>Categories</Table.Th>
            <Table.Th>Retention</Table.Th>
            <Table.Th>Erasure</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {record.activities.map((activity) => (
            <Table.Tr key={`${activity.module}-${activity.purpose}-${activity.legalBasis}`}>
              <Table.Td>
                <Text size="sm">{activity.purpose}</Text>
                <Text size="xs" c="dimmed">
                  {activity.module}: {activity.tables.join(', ')}
                </Text>
              </Table.Td>
              <Table.Td>{activity.legalBasis}</Table.Td>
              <Table.Td>{activity.subjects.join(', ')}</Table.Td>
              <Table.Td>{activity.categories.join(', ')}</Table.Td>
              <Table.Td>
                <Text size="xs">{activity.retention}</Text>
              </Table.Td>
              <Table.Td>{activity.erasure.join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

/** Records of processing (GDPR Art. 30), generated from the catalog, the retention rules and the subprocessor registry. */
export default function Ropa({ ropa }: { ropa: { controller: Record; processor: Record } }) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const base = `/w/${currentWorkspace!.slug}/governance/records-of-processing`
  return (
    <AppLayout title="Records of processing">
      <Group>
        <Text size="sm">Generated now from the code's personal-data catalog: never typed by hand.</Text>
        <Anchor href={`${base}.html`}>Download HTML</Anchor>
        <Anchor href={`${base}.csv`}>Download CSV</Anchor>
      </Group>
      <RecordTable title="Processor record (this workspace)" record={ropa.processor} />
      <RecordTable title="Controller record (the platform)" record={ropa.controller} />
    </AppLayout>
  )
}
