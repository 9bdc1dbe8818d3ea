import { Anchor, Badge, Table, Text } from '@mantine/core'
import { PublicLayout } from './components/public_layout'

interface Subprocessor {
  id: string
  name: string
  legalEntity: string
  country: string
  category: string
  purpose: string
  region: string
  transferMechanism: string
  status: 'upcoming' | 'active' | 'retired'
  effectiveAt: string
}

/** The public registry: who processes data for Vaultdesk, and who is about to. */
export default function PublicSubprocessors({ subprocessors }: { subprocessors: Subprocessor[] }) {
  return (
    <PublicLayout title="Subprocessors">
      <Text>
        Companies that process personal data on our behalf. A new subprocessor takes effect only after a notice period of at least 30 days,
        during which workspace owners are emailed and can object. Machine-readable: <Anchor href="/subprocessors.json">subprocessors.json</Anchor>.
      </Text>
      <Table aria-label="Subprocessors" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Legal entity</Table.Th>
            <Table.Th>Country</Table.Th>
            <Table.Th>Category</Table.Th>
            <Table.Th>Purpose</Table.Th>
            <Table.Th>Region</Table.Th>
            <Table.Th>Transfer mechanism</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {subprocessors.map((subprocessor) => (
            <Table.Tr key={subprocessor.id} data-testid="public-subprocessor">
              <Table.Td>{subprocessor.name}</Table.Td>
              <Table.Td>{subprocessor.legalEntity}</Table.Td>
              <Table.Td>{subprocessor.country}</Table.Td>
              <Table.Td>{subprocessor.category}</Table.Td>
              <Table.Td>{subprocessor.purpose}</Table.Td>
              <Table.Td>{subprocessor.region}</Table.Td>
              <Table.Td>{subprocessor.transferMechanism}</Table.Td>
              <Table.Td>
                {subprocessor.status === 'upcoming' ? (
                  <Badge color="blue">From {new Date(subprocessor.effectiveAt).toLocaleDateString()}</Badge>
                ) : (
                  <Badge color="teal">In use</Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </PublicLayout>
  )
}
