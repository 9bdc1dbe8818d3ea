import { Head, useForm } from '@inertiajs/react'
import { Button, Center, Checkbox, Group, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core'
import { FlashMessages } from '~/components/flash_messages'

interface Option {
  value: string
  label: string
}

interface Props {
  organisation: string
  action: string
  types: Option[]
  regimes: Option[]
  purposes: string[]
}

/** The public privacy portal: a data subject asks, then confirms through the link mailed to them. */
export default function PrivacyPortal({ organisation, action, types, regimes, purposes }: Props) {
  const form = useForm({ type: 'access', email: '', regime: 'gdpr', message: '', purposes: [] as string[] })
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    form.transform((data) => ({ ...data, message: data.message || undefined, purposes: data.type === 'objection' ? data.purposes : undefined }))
    form.post(action, { preserveScroll: true, onSuccess: () => form.reset('email', 'message') })
  }
  return (
    <Center mih="100vh" p="md">
      <Head title={`Privacy requests — ${organisation}`} />
      <Paper withBorder p="xl" maw={560} w="100%" component="main">
        <Stack gap="md">
          <Title order={1} size="h2">
            Your privacy rights with {organisation}
          </Title>
          <Text size="sm" c="dimmed">
            Ask for a copy of your data, a correction, its erasure, or to limit how it is used. We only need your email
            address: we send you a link to confirm the request is yours.
          </Text>
          <FlashMessages />
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Select label="What would you like to do?" data={types} value={form.data.type} onChange={(value) => form.setData('type', value ?? 'access')} allowDeselect={false} error={form.errors.type} />
              <TextInput label="Your email address" type="email" required value={form.data.email} onChange={(event) => form.setData('email', event.currentTarget.value)} error={form.errors.email} autoComplete="email" />
              <Select label="Where you live (which law applies)" data={regimes} value={form.data.regime} onChange={(value) => form.setData('regime', value ?? 'gdpr')} allowDeselect={false} error={form.errors.regime} />
              {form.data.type === 'objection' && (
                <Checkbox.Group label="Stop using my data for" value={form.data.purposes} onChange={(value) => form.setData('purposes', value)} error={form.errors.purposes}>
                  <Group mt="xs">
                    {purposes.map((purpose) => (
                      <Checkbox key={purpose} value={purpose} label={purpose} />
                    ))}
                  </Group>
                </Checkbox.Group>
              )}
              <Textarea
                label={form.data.type === 'rectification' ? 'What should we correct?' : 'Anything we should know? (optional)'}
                autosize
                minRows={3}
                maxLength={2000}
                value={form.data.message}
                onChange={(event) => form.setData('message', event.currentTarget.value)}
                error={form.errors.message}
              />
              <Button type="submit" loading={form.processing} w="fit-content">
                Send request
              </Button>
            </Stack>
          </form>
        </Stack>
      </Paper>
    </Center>
  )
}
