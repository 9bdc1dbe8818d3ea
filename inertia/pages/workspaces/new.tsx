import { useForm } from '@inertiajs/react'
import { Button, Paper, Select, Stack, Text, TextInput } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'

export default function NewWorkspace({ timezones }: { timezones: string[] }) {
  const form = useForm({ name: '', slug: '', timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' })
  return (
    <AppLayout title="Create a workspace">
      <Paper withBorder p="lg" maw={560}>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            form.transform((data) => ({ ...data, slug: data.slug || undefined }))
            form.post('/workspaces')
          }}
          noValidate
        >
          <Stack>
            <Text c="dimmed" size="sm">
              A workspace holds your team, inbox and privacy desk. Its data is encrypted with its own keys.
            </Text>
            <TextInput
              label="Workspace name"
              required
              autoFocus
              value={form.data.name}
              onChange={(event) => form.setData('name', event.currentTarget.value)}
              error={form.errors.name}
            />
            <TextInput
              label="Address"
              description="Used in links such as /w/your-address. Leave empty to derive it from the name."
              leftSection={<Text size="xs">/w/</Text>}
              leftSectionWidth={36}
              value={form.data.slug}
              onChange={(event) => form.setData('slug', event.currentTarget.value)}
              error={form.errors.slug}
            />
            <Select
              label="Time zone"
              description="Deadlines (for example of privacy requests) are computed in this zone."
              searchable
              data={timezones}
              value={form.data.timezone}
              onChange={(value) => form.setData('timezone', value ?? 'UTC')}
              error={form.errors.timezone}
            />
            <Button type="submit" loading={form.processing}>
              Create workspace
            </Button>
          </Stack>
        </form>
      </Paper>
    </AppLayout>
  )
}
