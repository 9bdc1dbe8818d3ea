import { Link } from '@inertiajs/react'
import { Anchor, Card, Group, SimpleGrid, Text } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import { ROLE_LABELS, type Role } from '~/types'

interface Props {
  workspace: { name: string; slug: string; timezone: string }
  role: Role
  stats: { members: number; pendingInvitations: number }
}

export default function Dashboard({ workspace, role, stats }: Props) {
  const base = `/w/${workspace.slug}`
  return (
    <AppLayout title={workspace.name}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Members
          </Text>
          <Text size="xl" fw={700} data-testid="member-count">
            {stats.members}
          </Text>
          <Anchor component={Link} href={`${base}/members`} size="sm">
            Manage members
          </Anchor>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Pending invitations
          </Text>
          <Text size="xl" fw={700}>
            {stats.pendingInvitations}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="sm" c="dimmed">
            Your role
          </Text>
          <Text size="xl" fw={700}>
            {ROLE_LABELS[role]}
          </Text>
          <Group gap={4}>
            <Text size="sm" c="dimmed">
              Time zone: {workspace.timezone}
            </Text>
          </Group>
        </Card>
      </SimpleGrid>
    </AppLayout>
  )
}
