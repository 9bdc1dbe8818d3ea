import { useEffect } from 'react'
import { router, usePoll } from '@inertiajs/react'
import { Alert, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'

interface DataKey {
  version: number
  status: 'active' | 'retired' | 'destroyed'
  createdAt: string
  retiredAt: string | null
}

interface Rotation {
  id: string
  status: 'pending' | 'running' | 'completed' | 'failed'
  fromVersion: number
  toVersion: number
  processed: number
  total: number
  percent: number
  startedAt: string | null
  finishedAt: string | null
  error: string | null
  stalled: boolean
}

interface Props {
  workspace: { name: string; slug: string }
  keys: {
    keyProvider: string
    kekVersion: number
    dataKeys: DataKey[]
    activeVersion: number | null
    blindIndexKeyCreatedAt: string | null
    subjectKeys: { live: number; destroyed: number }
    lastRotatedAt: string | null
    rotation: Rotation | null
    history: Rotation[]
  }
}

const STATUS_COLORS: Record<string, string> = {
  active: 'teal',
  retired: 'gray',
  destroyed: 'red',
  pending: 'blue',
  running: 'blue',
  completed: 'teal',
  failed: 'red',
}

function when(iso: string | null) {
  return iso ? new Date(iso).toLocaleString() : '—'
}

export default function VaultSecurity({ workspace, keys }: Props) {
  const rotation = keys.rotation
  const inProgress = rotation !== null && (rotation.status === 'pending' || rotation.status === 'running')
  const canResume = rotation !== null && (rotation.status === 'failed' || rotation.stalled)
  const poll = usePoll(2000, { only: ['keys'] }, { autoStart: false })

  useEffect(() => {
    if (inProgress && !rotation?.stalled) poll.start()
    else poll.stop()
  }, [inProgress, rotation?.stalled])

  const rotate = () => {
    const question = canResume
      ? 'Resume the unfinished key rotation?'
      : 'Create a new data key version? New data is encrypted with it at once; existing data is re-encrypted in the background.'
    if (window.confirm(question)) router.post(`/w/${workspace.slug}/security/keys/rotate`, {}, { preserveScroll: true })
  }

  return (
    <AppLayout title="Keys & encryption">
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              {workspace.name} has its own encryption keys
            </Title>
            <Badge color="teal" data-testid="own-keys">
              {keys.activeVersion ? `Data key v${keys.activeVersion} active` : 'No data key'}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            Contact details, messages and secrets of this workspace are encrypted field by field with data keys that belong to
            this workspace alone. Those keys are stored only wrapped by a key-encryption key held outside the database, so a
            copy of the database alone reveals nothing. Each person's data has its own key: erasing them destroys it.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <div>
              <Text size="xs" c="dimmed">
                Key-encryption key
              </Text>
              <Text size="sm" fw={600}>
                {keys.keyProvider}, version {keys.kekVersion}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Last rotated
              </Text>
              <Text size="sm" fw={600} data-testid="last-rotated">
                {keys.lastRotatedAt ? when(keys.lastRotatedAt) : 'Never'}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Per-person keys
              </Text>
              <Text size="sm" fw={600}>
                {keys.subjectKeys.live} in use, {keys.subjectKeys.destroyed} destroyed (erased)
              </Text>
            </div>
          </SimpleGrid>
          <Table withTableBorder striped aria-label="Data key versions" data-testid="data-keys">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Data key</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Retired</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.dataKeys.map((key) => (
                <Table.Tr key={key.version}>
                  <Table.Td>Version {key.version}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLORS[key.status]}>
                      {key.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{when(key.createdAt)}</Table.Td>
                  <Table.Td>{when(key.retiredAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            Search index key (for finding people by email or phone without decrypting) created {when(keys.blindIndexKeyCreatedAt)}. It
            stays the same across data key rotations, so lookups keep working.
          </Text>
        </Stack>
      </Paper>

      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={2} size="h4">
              Rotation
            </Title>
            <Button onClick={rotate} disabled={inProgress && !canResume} data-testid="rotate">
              {canResume ? 'Resume rotation' : 'Rotate data key now'}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            Rotating creates a new data key version. New data uses it immediately; a background job re-encrypts existing data in
            batches and picks up where it stopped if it is interrupted. Older versions stay readable until then.
          </Text>
          {rotation && (
            <Stack gap={6} data-testid="rotation-progress">
              <Group justify="space-between">
                <Group gap={6}>
                  <Text size="sm">
                    Version {rotation.fromVersion} → {rotation.toVersion}
                  </Text>
                  <Badge variant="light" color={STATUS_COLORS[rotation.status]}>
                    {rotation.stalled ? 'stalled' : rotation.status}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {rotation.processed} of {rotation.total} items re-encrypted
                </Text>
              </Group>
              <Progress value={rotation.percent} animated={inProgress && !rotation.stalled} aria-label="Rotation progress" />
              {rotation.error && (
                <Alert color="red" title="The rotation stopped">
                  {rotation.error}
                </Alert>
              )}
            </Stack>
          )}
          {keys.history.length > 1 && (
            <Table withTableBorder aria-label="Past rotations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Rotation</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Items</Table.Th>
                  <Table.Th>Finished</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keys.history.map((past) => (
                  <Table.Tr key={past.id}>
                    <Table.Td>
                      v{past.fromVersion} → v{past.toVersion}
                    </Table.Td>
                    <Table.Td>{past.status}</Table.Td>
                    <Table.Td>{past.processed}</Table.Td>
                    <Table.Td>{when(past.finishedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
    </AppLayout>
  )
}
