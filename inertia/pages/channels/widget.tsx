import { useForm, usePage } from '@inertiajs/react'
import { Button, Checkbox, Code, ColorInput, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import type { SharedProps } from '~/types'

interface Props {
  widget: { id: string; name: string; color: string; greeting: string; allowedOrigins: string[]; aiEnabled: boolean; consentPurposes: string[] } | null
  snippet: string | null
  /** The workspace's consent purposes (governance), with their current text. */
  consentPurposes: { key: string; name: string; version: number; text: string }[]
}

/** Configure the chat widget and copy its snippet. */
export default function WidgetSettings({ widget, snippet, consentPurposes }: Props) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const form = useForm({
    name: widget?.name ?? 'Support',
    color: widget?.color ?? '#4c6ef5',
    greeting: widget?.greeting ?? 'Hello! How can we help?',
    origins: (widget?.allowedOrigins ?? []).join('\n'),
    aiEnabled: widget?.aiEnabled ?? false,
    consentPurposes: widget?.consentPurposes ?? ([] as string[]),
  })
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    form.transform((data) => ({ name: data.name, color: data.color, greeting: data.greeting, aiEnabled: data.aiEnabled, consentPurposes: data.consentPurposes, allowedOrigins: data.origins.split(/\s+/).filter(Boolean) }))
    form.put(`/w/${currentWorkspace!.slug}/widget`, { preserveScroll: true })
  }
  const errors = form.errors as Record<string, string | undefined>
  return (
    <AppLayout title="Chat widget">
      <Paper withBorder p="md" component="section" aria-label="Widget settings">
        <form onSubmit={submit}>
          <Stack gap="sm">
            <TextInput label="Widget name" value={form.data.name} onChange={(event) => form.setData('name', event.currentTarget.value)} error={errors.name} required />
            <ColorInput label="Colour" value={form.data.color} onChange={(value) => form.setData('color', value)} error={errors.color} format="hex" />
            <Textarea label="Greeting" value={form.data.greeting} onChange={(event) => form.setData('greeting', event.currentTarget.value)} error={errors.greeting} required />
            <Textarea
              label="Allowed sites"
              description="One origin per line, e.g. https://www.example.com. Requests from any other site are refused."
              autosize
              minRows={2}
              value={form.data.origins}
              onChange={(event) => form.setData('origins', event.currentTarget.value)}
              error={errors.allowedOrigins ?? errors['allowedOrigins.0']}
            />
            <Checkbox.Group
              label="Consent purposes to ask for"
              description={consentPurposes.length ? 'Shown to visitors with their exact text and version; choices go to the consent ledger. Visitors whose browser sends Global Privacy Control are not asked: “no” is recorded.' : 'This workspace has no consent purposes yet (Governance → Consent).'}
              value={form.data.consentPurposes}
              onChange={(value) => form.setData('consentPurposes', value)}
              error={errors.consentPurposes}
            >
              <Stack gap={6} mt={6}>
                {consentPurposes.map((purpose) => (
                  <Checkbox key={purpose.key} value={purpose.key} label={`${purpose.name} (v${purpose.version})`} description={purpose.text} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Checkbox
              label="AI answers"
              description="Visitors' questions are first answered by the AI assistant from the knowledge base, with sources; they can ask for a person at any time."
              checked={form.data.aiEnabled}
              onChange={(event) => form.setData('aiEnabled', event.currentTarget.checked)}
            />
            <Button type="submit" loading={form.processing} style={{ alignSelf: 'flex-start' }}>
              {widget ? 'Save widget' : 'Create widget'}
            </Button>
          </Stack>
        </form>
      </Paper>
      {snippet && (
        <Stack gap="xs">
          <Title order={2} size="h4">Snippet</Title>
          <Text size="sm">Paste this line before the closing body tag of your site:</Text>
          <Code block aria-label="Widget snippet">{snippet}</Code>
          <Text size="sm" c="dimmed">
            To identify signed-in users, call <Code>Vaultdesk.identify({'{'} externalId, name, email, traits, userHash {'}'})</Code> where userHash is the hex HMAC-SHA256 of
            externalId with the identity secret, computed on your server. Claims without a valid hash are ignored.
          </Text>
        </Stack>
      )}
    </AppLayout>
  )
}
