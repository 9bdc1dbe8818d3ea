import { router, useForm } from '@inertiajs/react'
import { Badge, Button, Code, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'

export interface CustomDomain {
  domain: string
  verified: boolean
  verifiedAt: string | null
  lastCheckedAt: string | null
  records: { type: string; name: string; value: string }[]
}

/** Owners and admins: serve the help center on their own domain once a DNS TXT record proves they control it. */
export function CustomDomainSettings({ base, domain }: { base: string; domain: CustomDomain | null }) {
  const form = useForm({ domain: domain?.domain ?? '' })
  const verify = useForm({})
  const verifyError = Object.values(verify.errors as Record<string, string | undefined>).find(Boolean)
  return (
    <Paper withBorder p="md" component="section" aria-label="Custom domain">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">Custom domain</Title>
          {domain && (domain.verified ? <Badge color="teal">Verified</Badge> : <Badge color="yellow">Not verified yet</Badge>)}
        </Group>
        <form onSubmit={(event) => { event.preventDefault(); form.put(`${base}/help-center/domain`, { preserveScroll: true }) }}>
          <Group align="flex-end">
            <TextInput label="Domain" description="A host name of yours, such as help.example.com" placeholder="help.example.com" value={form.data.domain} onChange={(event) => form.setData('domain', event.currentTarget.value)} error={form.errors.domain} style={{ flex: 1 }} required />
            <Button type="submit" variant="light" loading={form.processing}>Save domain</Button>
          </Group>
        </form>
        {domain && (
          <>
            <Text size="sm">Create these two DNS records at your DNS provider, then verify:</Text>
            <Table aria-label="DNS records" withTableBorder>
              <Table.Thead>
                <Table.Tr><Table.Th>Type</Table.Th><Table.Th>Name</Table.Th><Table.Th>Value</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {domain.records.map((record) => (
                  <Table.Tr key={record.type}>
                    <Table.Td>{record.type}</Table.Td>
                    <Table.Td><Code>{record.name}</Code></Table.Td>
                    <Table.Td><Code>{record.value}</Code></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {verifyError && <Text c="red" size="sm" role="alert">{verifyError}</Text>}
            <Group>
              <Button onClick={() => verify.post(`${base}/help-center/domain/verify`, { preserveScroll: true })} loading={verify.processing}>Verify</Button>
              <Button variant="subtle" color="red" onClick={() => window.confirm(`Stop serving the help center at ${domain.domain}?`) && router.delete(`${base}/help-center/domain`, { preserveScroll: true })}>Remove domain</Button>
            </Group>
            {domain.verified && <Text size="sm">Served at <Code>https://{domain.domain}</Code>; canonical links use it.</Text>}
          </>
        )}
      </Stack>
    </Paper>
  )
}
