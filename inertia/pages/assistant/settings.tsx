import { useForm } from '@inertiajs/react'
import { usePage } from '@inertiajs/react'
import { Button, Checkbox, Group, NumberInput, Paper, PasswordInput, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import type { SharedProps } from '~/types'

interface Props {
  settings: { model: string; redactionEnabled: boolean; monthlyTokenLimit: number | null; hasKey: boolean; keyHint: string | null }
  knowledge: { embeddingProvider: 'local' | 'openai' | 'voyage'; embeddingBaseUrl: string | null; embeddingModel: string | null; embeddingKeyHint: string | null; refetchHours: number }
  models: string[]
}

/** The workspace's AI provider (key write-only), redaction, token limit, and embeddings provider. */
export default function AiSettings({ settings, knowledge, models }: Props) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const form = useForm({
    anthropicApiKey: '',
    removeKey: false,
    model: settings.model,
    redactionEnabled: settings.redactionEnabled,
    monthlyTokenLimit: settings.monthlyTokenLimit as number | null,
    embeddingProvider: knowledge.embeddingProvider,
    embeddingBaseUrl: knowledge.embeddingBaseUrl ?? '',
    embeddingModel: knowledge.embeddingModel ?? '',
    embeddingApiKey: '',
    refetchHours: knowledge.refetchHours,
  })
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    form.transform((data) => ({
      ...data,
      anthropicApiKey: data.anthropicApiKey || null,
      embeddingApiKey: data.embeddingApiKey || null,
      embeddingBaseUrl: data.embeddingBaseUrl || null,
      embeddingModel: data.embeddingModel || null,
      monthlyTokenLimit: data.monthlyTokenLimit || null,
    }))
    form.put(`/w/${currentWorkspace!.slug}/ai/settings`, { preserveScroll: true, onSuccess: () => form.reset('anthropicApiKey', 'embeddingApiKey', 'removeKey') })
  }
  const remote = form.data.embeddingProvider !== 'local'

  return (
    <AppLayout title="AI settings">
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={720}>
          <Paper withBorder p="md" component="section" aria-label="AI provider">
            <Stack gap="sm">
              <Title order={2} size="h4">AI provider (Anthropic)</Title>
              <Text size="sm" c="dimmed">
                Suggested replies, summaries and the playground use your own Anthropic key. It is encrypted by the vault and never shown again; Anthropic is listed as a subprocessor for these features.
              </Text>
              <PasswordInput
                label="Anthropic API key"
                description={settings.hasKey ? `A key ending in ${settings.keyHint} is saved. Enter a new one to replace it.` : 'No key saved yet.'}
                autoComplete="off"
                value={form.data.anthropicApiKey}
                onChange={(event) => form.setData('anthropicApiKey', event.currentTarget.value)}
                error={form.errors.anthropicApiKey}
              />
              {settings.hasKey && <Checkbox label="Remove the saved key (turns AI features off)" checked={form.data.removeKey} onChange={(event) => form.setData('removeKey', event.currentTarget.checked)} />}
              <Select label="Model" data={models} value={form.data.model} allowDeselect={false} onChange={(model) => form.setData('model', model ?? models[0])} error={form.errors.model} />
              <Switch
                label="Mask personal data before it is sent (emails, phone numbers, card numbers, the contact’s name)"
                checked={form.data.redactionEnabled}
                onChange={(event) => form.setData('redactionEnabled', event.currentTarget.checked)}
              />
              <NumberInput
                label="Monthly token limit"
                description="AI features pause for the rest of the month when reached. Empty: only your plan’s limit applies."
                min={1000}
                step={10000}
                thousandSeparator=","
                value={form.data.monthlyTokenLimit ?? ''}
                onChange={(value) => form.setData('monthlyTokenLimit', typeof value === 'number' ? value : null)}
                error={form.errors.monthlyTokenLimit}
              />
            </Stack>
          </Paper>
          <Paper withBorder p="md" component="section" aria-label="Embeddings">
            <Stack gap="sm">
              <Title order={2} size="h4">Embeddings</Title>
              <Text size="sm" c="dimmed">
                The built-in embedder works offline and matches shared words and spellings (lexical), not meaning. An embeddings API gives semantic matches; vectors are requested at 256 dimensions. Changing it re-embeds every source.
              </Text>
              <Select
                label="Embeddings provider"
                data={[
                  { value: 'local', label: 'Built-in (offline, lexical)' },
                  { value: 'openai', label: 'OpenAI-compatible API' },
                  { value: 'voyage', label: 'Voyage AI' },
                ]}
                value={form.data.embeddingProvider}
                allowDeselect={false}
                onChange={(value) => form.setData('embeddingProvider', (value ?? 'local') as 'local')}
              />
              {remote && (
                <>
                  <TextInput label="Base URL" placeholder={form.data.embeddingProvider === 'voyage' ? 'https://api.voyageai.com' : 'https://api.openai.com'} value={form.data.embeddingBaseUrl} onChange={(event) => form.setData('embeddingBaseUrl', event.currentTarget.value)} error={form.errors.embeddingBaseUrl} />
                  <TextInput label="Embedding model" placeholder={form.data.embeddingProvider === 'voyage' ? 'voyage-3.5-lite' : 'text-embedding-3-small'} value={form.data.embeddingModel} onChange={(event) => form.setData('embeddingModel', event.currentTarget.value)} error={form.errors.embeddingModel} />
                  <PasswordInput
                    label="Embeddings API key"
                    description={knowledge.embeddingKeyHint ? `A key ending in ${knowledge.embeddingKeyHint} is saved.` : 'No key saved yet.'}
                    autoComplete="off"
                    value={form.data.embeddingApiKey}
                    onChange={(event) => form.setData('embeddingApiKey', event.currentTarget.value)}
                    error={form.errors.embeddingApiKey}
                  />
                </>
              )}
              <NumberInput label="Re-fetch web pages every (hours)" description="0 turns scheduled re-fetching off" min={0} max={720} value={form.data.refetchHours} onChange={(value) => form.setData('refetchHours', typeof value === 'number' ? value : 24)} />
            </Stack>
          </Paper>
          <Group justify="flex-end">
            <Button type="submit" loading={form.processing}>Save AI settings</Button>
          </Group>
        </Stack>
      </form>
    </AppLayout>
  )
}
