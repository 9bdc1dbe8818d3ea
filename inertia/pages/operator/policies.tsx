import { useForm } from '@inertiajs/react'
import { Badge, Button, Paper, Table, TextInput, Textarea, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'

interface Version {
  id: string
  version: string
  title: string
  effectiveAt: string
  announcedAt: string
  status: 'current' | 'upcoming' | 'past'
}

/** Privacy-policy versions: a new one is emailed to owners and takes effect at least 30 days later. */
export default function OperatorPolicies({ versions, earliest }: { versions: Version[]; earliest: string }) {
  const form = useForm({ version: '', title: '', summary: '', body: '', effectiveAt: earliest })
  return (
    <AppLayout title="Policy versions">
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          Announce a new version
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            form.post('/operator/policies', { preserveScroll: true })
          }}
        >
          <TextInput label="Version" value={form.data.version} onChange={(event) => form.setData('version', event.currentTarget.value)} error={form.errors.version} />
          <TextInput label="Title" value={form.data.title} onChange={(event) => form.setData('title', event.currentTarget.value)} error={form.errors.title} />
          <Textarea label="Summary of changes" value={form.data.summary} onChange={(event) => form.setData('summary', event.currentTarget.value)} error={form.errors.summary} />
          <Textarea label="Full text" autosize minRows={4} value={form.data.body} onChange={(event) => form.setData('body', event.currentTarget.value)} error={form.errors.body} />
          <TextInput type="date" label={`Effective date (on or after ${earliest})`} value={form.data.effectiveAt} onChange={(event) => form.setData('effectiveAt', event.currentTarget.value)} error={form.errors.effectiveAt} />
          <Button type="submit" mt="sm" loading={form.processing}>
            Announce to owners
          </Button>
        </form>
      </Paper>
      <Paper withBorder p="md">
        <Table aria-label="Policy versions">
          <Table.Tbody>
            {versions.map((version) => (
              <Table.Tr key={version.id}>
                <Table.Td>{version.version}</Table.Td>
                <Table.Td>{version.title}</Table.Td>
                <Table.Td>effective {new Date(version.effectiveAt).toLocaleDateString()}</Table.Td>
                <Table.Td>
                  <Badge>{version.status}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </AppLayout>
  )
}
