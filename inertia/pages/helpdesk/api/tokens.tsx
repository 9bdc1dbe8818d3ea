import { router, useForm, usePage } from '@inertiajs/react'
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import type { SharedProps } from '~/types'

interface ApiToken {
  id: string
  name: string
  scopes: string[]
  lastFour: string
  status: 'active' | 'expired' | 'revoked'
  createdAt: string
  createdBy: string | null
  lastUsedAt: string | null
  expiresAt: string | null
  revokedAt: string | null
}

interface Props {
  tokens: ApiToken[]
  scopes: { value: string; label: string }[]
  lifetimes: number[]
  tokenPrefix: string
  createdToken: { id: string; name: string; secret: string; expiresAt: string | null } | null
}

const STATUS_COLORS = { active: 'teal', expired: 'gray', revoked: 'red' } as const

function when(iso: string | null, fallback = '—') {
  return iso ? new Date(iso).toLocaleString() : fallback
}

export default function ApiTokens({ tokens, scopes, lifetimes, createdToken }: Props) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const base = `/w/${currentWorkspace!.slug}`
  const form = useForm({ name: '', scopes: ['tickets:read'] as string[], expiresInDays: 90 })

  const revoke = (token: ApiToken) => {
    if (window.confirm(`Revoke "${token.name}"? Integrations using it stop working at once.`)) {
      router.delete(`${base}/api-tokens/${token.id}`, { preserveScroll: true })
    }
  }

  return (
    <AppLayout title="API tokens">
      <Text c="dimmed" size="sm">
        Tokens let other systems use the helpdesk REST API of this workspace (contacts, tickets, messages). See the{' '}
        <Anchor href="/api/v1/openapi.json" target="_blank">
          OpenAPI document
        </Anchor>
        . Every token expires and can be revoked at any time.
      </Text>

      {createdToken && (
        <Alert color="teal" title={`Token "${createdToken.name}" created`} data-testid="created-token">
          <Stack gap="xs">
            <Text size="sm">Copy it now: it is stored hashed and will not be shown again.</Text>
            <Group gap="sm" wrap="nowrap">
              <Code block style={{ flex: 1, minWidth: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} data-testid="token-secret">
                {createdToken.secret}
              </Code>
              <CopyButton value={createdToken.secret}>
                {({ copied, copy }) => (
                  <Button size="xs" color={copied ? 'teal' : 'indigo'} onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              Send it as <Code>Authorization: Bearer &lt;token&gt;</Code>. Expires {when(createdToken.expiresAt, 'never')}.
            </Text>
          </Stack>
        </Alert>
      )}

      <Paper withBorder p="lg">
        <form
          onSubmit={(event) => {
            event.preventDefault()
            form.post(`${base}/api-tokens`, { preserveScroll: true, onSuccess: () => form.reset() })
          }}
          noValidate
        >
          <Title order={2} size="h4" mb="sm">
            Create a token
          </Title>
          <Stack gap="sm">
            <Group align="flex-start" grow>
              <TextInput
                label="Name"
                description="Which integration uses it, e.g. “Shop backend”"
                required
                maxLength={80}
                value={form.data.name}
                onChange={(event) => form.setData('name', event.currentTarget.value)}
                error={form.errors.name}
              />
              <Select
                label="Expires after"
                description="Every token expires"
                data={lifetimes.map((days) => ({ value: String(days), label: days === 365 ? '1 year' : `${days} days` }))}
                value={String(form.data.expiresInDays)}
                allowDeselect={false}
                onChange={(value) => form.setData('expiresInDays', Number(value))}
                error={form.errors.expiresInDays}
              />
            </Group>
            <Checkbox.Group
              label="Scopes"
              description="Give each integration only what it needs"
              value={form.data.scopes}
              onChange={(value) => form.setData('scopes', value)}
              error={form.errors.scopes}
            >
              <Group mt="xs">
                {scopes.map((scope) => (
                  <Checkbox key={scope.value} value={scope.value} label={`${scope.value} — ${scope.label}`} />
                ))}
              </Group>
            </Checkbox.Group>
            <Group>
              <Button type="submit" loading={form.processing}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      <Paper withBorder>
        <Table striped verticalSpacing="sm" aria-label="API tokens">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Scopes</Table.Th>
              <Table.Th>Token</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text c="dimmed" size="sm">
                    No tokens yet.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {tokens.map((token) => (
              <Table.Tr key={token.id} data-testid={`token-${token.id}`}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {token.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {token.createdBy ? `by ${token.createdBy}, ` : ''}
                    {new Date(token.createdAt).toLocaleDateString()}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {token.scopes.map((scope) => (
                      <Badge key={scope} size="xs" variant="light" tt="none">
                        {scope}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Code style={{ whiteSpace: 'nowrap' }}>{token.lastFour}</Code>
                </Table.Td>
                <Table.Td>{when(token.lastUsedAt, 'never')}</Table.Td>
                <Table.Td>{token.status === 'revoked' ? '—' : when(token.expiresAt, 'never')}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLORS[token.status]} variant="light" miw={72}>
                    {token.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {token.status !== 'revoked' && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => revoke(token)}>
                      Revoke
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </AppLayout>
  )
}
