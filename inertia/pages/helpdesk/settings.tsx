import { useState } from 'react'
import { router, useForm, usePage } from '@inertiajs/react'
import { Badge, Button, Checkbox, Code, Group, NumberInput, Paper, Select, Stack, Switch, Table, Tabs, TagsInput, Text, TextInput, Textarea, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import type { SharedProps } from '~/types'
import type { CustomFieldDef, TagRef, TeamRef } from './components/types'

interface Props {
  tags: TagRef[]
  teams: TeamRef[]
  customFields: CustomFieldDef[]
  cannedReplies: { id: string; title: string; body: string }[]
  csat: { enabled: boolean; question: string; linkDays: number; defaultQuestion: string }
  tagColors: string[]
  fieldTypes: CustomFieldDef['type'][]
  placeholders: string[]
}

const FIELD_TYPE_LABELS: Record<CustomFieldDef['type'], string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  select: 'Single choice',
  multi_select: 'Multiple choice',
  checkbox: 'Checkbox',
}

function useBase() {
  const { currentWorkspace } = usePage<SharedProps>().props
  return `/w/${currentWorkspace!.slug}/helpdesk`
}

function remove(url: string, what: string) {
  if (window.confirm(`Delete ${what}?`)) router.delete(url, { preserveScroll: true })
}

function TagsPanel({ tags, colors }: { tags: TagRef[]; colors: string[] }) {
  const base = useBase()
  const form = useForm({ name: '', color: 'gray' })
  return (
    <Stack gap="sm">
      <form noValidate onSubmit={(event) => { event.preventDefault(); form.post(`${base}/tags`, { preserveScroll: true, onSuccess: () => form.reset() }) }}>
        <Group align="flex-end">
          <TextInput label="Tag name" value={form.data.name} onChange={(event) => form.setData('name', event.currentTarget.value)} error={form.errors.name} />
          <Select label="Colour" data={colors} value={form.data.color} allowDeselect={false} onChange={(color) => form.setData('color', color ?? 'gray')} />
          <Button type="submit" loading={form.processing}>Add tag</Button>
        </Group>
      </form>
      <Group gap="xs">
        {tags.map((tag) => (
          <Badge key={tag.id} color={tag.color} variant="light" size="lg" rightSection={
            <Button size="compact-xs" variant="transparent" color="red" aria-label={`Delete tag ${tag.name}`} onClick={() => remove(`${base}/tags/${tag.id}`, `the tag “${tag.name}”`)}>×</Button>
          }>
            {tag.name}
          </Badge>
        ))}
        {tags.length === 0 && <Text size="sm" c="dimmed">No tags yet.</Text>}
      </Group>
    </Stack>
  )
}

function TeamsPanel({ teams }: { teams: TeamRef[] }) {
  const base = useBase()
  const form = useForm({ name: '' })
  return (
    <Stack gap="sm">
      <form noValidate onSubmit={(event) => { event.preventDefault(); form.post(`${base}/teams`, { preserveScroll: true, onSuccess: () => form.reset() }) }}>
        <Group align="flex-end">
          <TextInput label="Team name" value={form.data.name} onChange={(event) => form.setData('name', event.currentTarget.value)} error={form.errors.name} />
          <Button type="submit" loading={form.processing}>Add team</Button>
        </Group>
      </form>
      <Table aria-label="Teams" withTableBorder>
        <Table.Tbody>
          {teams.map((team) => (
            <Table.Tr key={team.id}>
              <Table.Td>{team.name}</Table.Td>
              <Table.Td w={100}>
                <Button size="xs" variant="subtle" color="red" onClick={() => remove(`${base}/teams/${team.id}`, `the team “${team.name}”`)}>Delete</Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

function FieldsPanel({ fields, types }: { fields: CustomFieldDef[]; types: CustomFieldDef['type'][] }) {
  const base = useBase()
  const form = useForm({ label: '', type: 'text' as CustomFieldDef['type'], options: [] as string[], required: false })
  const errors = form.errors as Record<string, string>
  const withChoices = form.data.type === 'select' || form.data.type === 'multi_select'
  return (
    <Stack gap="sm">
      <form noValidate onSubmit={(event) => { event.preventDefault(); form.post(`${base}/custom-fields`, { preserveScroll: true, onSuccess: () => form.reset() }) }}>
        <Stack gap="xs">
          <Group align="flex-end">
            <TextInput label="Field label" value={form.data.label} onChange={(event) => form.setData('label', event.currentTarget.value)} error={errors.label} />
            <Select label="Kind" value={form.data.type} allowDeselect={false} data={types.map((type) => ({ value: type, label: FIELD_TYPE_LABELS[type] }))}
              onChange={(type) => form.setData('type', (type ?? 'text') as CustomFieldDef['type'])} error={errors.type} />
            <Checkbox mb={8} label="Required to resolve" checked={form.data.required} onChange={(event) => form.setData('required', event.currentTarget.checked)} />
          </Group>
          {withChoices && (
            <TagsInput label="Choices" description="Press Enter after each choice" value={form.data.options} onChange={(options) => form.setData('options', options)} error={errors.options} />
          )}
          <Group>
            <Button type="submit" loading={form.processing}>Add field</Button>
          </Group>
        </Stack>
      </form>
      <Table aria-label="Custom fields" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Label</Table.Th>
            <Table.Th>Key</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Choices</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((field) => (
            <Table.Tr key={field.id}>
              <Table.Td>{field.label} {field.required && <Badge size="xs">required</Badge>}</Table.Td>
              <Table.Td><Code>{field.key}</Code></Table.Td>
              <Table.Td>{FIELD_TYPE_LABELS[field.type]}</Table.Td>
              <Table.Td>{field.options.join(', ') || '—'}</Table.Td>
              <Table.Td w={100}>
                <Button size="xs" variant="subtle" color="red" onClick={() => remove(`${base}/custom-fields/${field.id}`, `the field “${field.label}”`)}>Delete</Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

function CannedRepliesPanel({ replies, placeholders }: { replies: Props['cannedReplies']; placeholders: string[] }) {
  const base = useBase()
  const [editing, setEditing] = useState<string | null>(null)
  const form = useForm({ title: '', body: '' })
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    const options = { preserveScroll: true, onSuccess: () => { form.reset(); setEditing(null) } }
    if (editing) form.put(`${base}/canned-replies/${editing}`, options)
    else form.post(`${base}/canned-replies`, options)
  }
  return (
    <Stack gap="sm">
      <form noValidate onSubmit={submit}>
        <Stack gap="xs">
          <TextInput label="Title" value={form.data.title} onChange={(event) => form.setData('title', event.currentTarget.value)} error={form.errors.title} />
          <Textarea label="Reply" description={`Placeholders: ${placeholders.join(', ')}`} autosize minRows={4} value={form.data.body}
            onChange={(event) => form.setData('body', event.currentTarget.value)} error={form.errors.body} />
          <Group>
            <Button type="submit" loading={form.processing}>{editing ? 'Save canned reply' : 'Add canned reply'}</Button>
            {editing && <Button variant="default" onClick={() => { form.reset(); setEditing(null) }}>Cancel</Button>}
          </Group>
        </Stack>
      </form>
      {replies.map((reply) => (
        <Paper key={reply.id} withBorder p="sm">
          <Group justify="space-between">
            <Text fw={600}>{reply.title}</Text>
            <Group gap="xs">
              <Button size="xs" variant="subtle" onClick={() => { setEditing(reply.id); form.setData({ title: reply.title, body: reply.body }) }}>Edit</Button>
              <Button size="xs" variant="subtle" color="red" onClick={() => remove(`${base}/canned-replies/${reply.id}`, `the canned reply “${reply.title}”`)}>Delete</Button>
            </Group>
          </Group>
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>{reply.body}</Text>
        </Paper>
      ))}
    </Stack>
  )
}

function CsatPanel({ csat }: { csat: Props['csat'] }) {
  const base = useBase()
  const form = useForm({ csatEnabled: csat.enabled, csatQuestion: csat.question, csatLinkDays: csat.linkDays })
  return (
    <form noValidate onSubmit={(event) => { event.preventDefault(); form.put(`${base}/settings/csat`, { preserveScroll: true }) }}>
      <Stack gap="sm" maw={560}>
        <Switch label="Email a satisfaction survey when a ticket is resolved" checked={form.data.csatEnabled} onChange={(event) => form.setData('csatEnabled', event.currentTarget.checked)} />
        <TextInput label="Question" placeholder={csat.defaultQuestion} value={form.data.csatQuestion} onChange={(event) => form.setData('csatQuestion', event.currentTarget.value)} error={form.errors.csatQuestion} />
        <NumberInput label="Links stay valid for (days)" min={1} max={30} value={form.data.csatLinkDays} onChange={(value) => form.setData('csatLinkDays', Number(value) || 7)} error={form.errors.csatLinkDays} />
        <Text size="xs" c="dimmed">
          Contacts who restricted or objected to processing never get a survey. Each link records one rating, once.
        </Text>
        <Group>
          <Button type="submit" loading={form.processing}>Save survey settings</Button>
        </Group>
      </Stack>
    </form>
  )
}

export default function HelpdeskSettings(props: Props) {
  return (
    <AppLayout title="Helpdesk settings">
      <Tabs defaultValue="tags" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="tags">Tags</Tabs.Tab>
          <Tabs.Tab value="teams">Teams</Tabs.Tab>
          <Tabs.Tab value="fields">Custom fields</Tabs.Tab>
          <Tabs.Tab value="replies">Canned replies</Tabs.Tab>
          <Tabs.Tab value="csat">Satisfaction survey</Tabs.Tab>
        </Tabs.List>
        <Paper withBorder p="md" mt="sm">
          <Tabs.Panel value="tags"><Title order={2} size="h4" mb="sm">Tags</Title><TagsPanel tags={props.tags} colors={props.tagColors} /></Tabs.Panel>
          <Tabs.Panel value="teams"><Title order={2} size="h4" mb="sm">Teams</Title><TeamsPanel teams={props.teams} /></Tabs.Panel>
          <Tabs.Panel value="fields"><Title order={2} size="h4" mb="sm">Custom fields</Title><FieldsPanel fields={props.customFields} types={props.fieldTypes} /></Tabs.Panel>
          <Tabs.Panel value="replies"><Title order={2} size="h4" mb="sm">Canned replies</Title><CannedRepliesPanel replies={props.cannedReplies} placeholders={props.placeholders} /></Tabs.Panel>
          <Tabs.Panel value="csat"><Title order={2} size="h4" mb="sm">Satisfaction survey (CSAT)</Title><CsatPanel csat={props.csat} /></Tabs.Panel>
        </Paper>
      </Tabs>
    </AppLayout>
  )
}
