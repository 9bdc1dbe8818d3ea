import { useForm } from '@inertiajs/react'
import { Button, Checkbox, Group, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'

interface Props {
  email: string
  types: { value: string; label: string }[]
  regimes: { value: string; label: string }[]
  purposes: string[]
  requests: { id: string; reference: string; typeLabel: string; statusLabel: string; receivedAt: string; dueAt: string; rejectionReason: string | null }[]
}

/** A workspace user's privacy rights over their own account, answered by the platform. */
export default function AccountPrivacy({ email, types, regimes, purposes, requests }: Props) {
  const form = useForm({ type: 'access', regime: 'gdpr', message: '', purposes: [] as string[] })
  return (
    <AppLayout title="My privacy requests">
      <Text size="sm" c="dimmed">
        Vaultdesk (the platform) holds your account ({email}). Ask for a copy, a correction or erasure of it here; we answer
        within 30 days. Requests about a workspace’s customers go to that workspace.
      </Text>
      <Paper withBorder p="md">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            form.transform((data) => ({ ...data, message: data.message || undefined, purposes: data.type === 'objection' ? data.purposes : undefined }))
            form.post('/account/privacy/requests', { onSuccess: () => form.reset('message') })
          }}
        >
          <Stack gap="sm">
            <Select label="What would you like to do?" data={types} value={form.data.type} onChange={(value) => form.setData('type', value ?? 'access')} allowDeselect={false} />
            <Select label="Which law applies" data={regimes} value={form.data.regime} onChange={(value) => form.setData('regime', value ?? 'gdpr')} allowDeselect={false} />
            {form.data.type === 'objection' && (
              <Checkbox.Group label="Stop using my data for" value={form.data.purposes} onChange={(value) => form.setData('purposes', value)}>
                <Group mt="xs">
                  {purposes.map((purpose) => (
                    <Checkbox key={purpose} value={purpose} label={purpose} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
            <Textarea label="Details (optional)" autosize minRows={2} maxLength={2000} value={form.data.message} onChange={(event) => form.setData('message', event.currentTarget.value)} error={form.errors.message} />
            <Button type="submit" loading={form.processing} w="fit-content">
              Send request
            </Button>
          </Stack>
        </form>
      </Paper>
      <Title order={2} size="h4">
        Your requests
      </Title>
      {requests.length === 0 ? (
        <Text c="dimmed">None yet.</Text>
      ) : (
        <Table aria-label="Your requests">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Reference</Table.Th>
              <Table.Th>Request</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Received</Table.Th>
              <Table.Th>Due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {requests.map((request) => (
              <Table.Tr key={request.id}>
                <Table.Td>{request.reference}</Table.Td>
                <Table.Td>{request.typeLabel}</Table.Td>
                <Table.Td>
                  {request.statusLabel}
                  {request.rejectionReason ? `: ${request.rejectionReason}` : ''}
                </Table.Td>
                <Table.Td>{request.receivedAt}</Table.Td>
                <Table.Td>{request.dueAt}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </AppLayout>
  )
}
