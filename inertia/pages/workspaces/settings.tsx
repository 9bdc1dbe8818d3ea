import { useForm } from '@inertiajs/react'
import { Button, Paper, Select, Stack, TextInput } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'

interface Props {
  workspace: { name: string; slug: string; timezone: string }
  timezones: string[]
}

export default function WorkspaceSettings({ workspace, timezones }: Props) {
  const form = useForm({ name: workspace.name, timezone: workspace.timezone })
  return (
    <AppLayout title="Workspace settings">
      <Paper withBorder p="lg" maw={560}>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            form.put(`/w/${workspace.slug}/settings`)
          }}
          noValidate
        >
          <Stack>
            <TextInput
              label="Workspace name"
              required
              value={form.data.name}
              onChange={(event) => form.setData('name', event.currentTarget.value)}
              error={form.errors.name}
            />
            <TextInput label="Address" value={`/w/${workspace.slug}`} readOnly description="The address cannot change." />
            <Select
              label="Time zone"
              searchable
              data={timezones}
              value={form.data.timezone}
              onChange={(value) => form.setData('timezone', value ?? 'UTC')}
              error={form.errors.timezone}
            />
            <Button type="submit" loading={form.processing} w="fit-content">
              Save settings
            </Button>
          </Stack>
        </form>
      </Paper>
    </AppLayout>
  )
}
