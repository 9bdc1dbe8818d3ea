import { Badge, Paper, Text, Title } from '@mantine/core'
import { PublicLayout } from './components/public_layout'

interface Version {
  id: string
  version: string
  title: string
  summary: string
  body: string
  effectiveAt: string
  announcedAt: string
  status: 'current' | 'upcoming' | 'past'
}

/** Current and upcoming privacy-policy versions; changes are announced at least 30 days ahead. */
export default function PublicPolicy({ versions }: { versions: Version[] }) {
  const shown = versions.filter((version) => version.status !== 'past')
  return (
    <PublicLayout title="Privacy policy">
      {shown.length === 0 && <Text c="dimmed">No version has been published yet.</Text>}
      {shown.map((version) => (
        <Paper key={version.id} withBorder p="md" data-testid={`policy-${version.status}`}>
          <Badge color={version.status === 'upcoming' ? 'blue' : 'teal'} mb="xs">
            {version.status === 'upcoming' ? `Upcoming — effective ${new Date(version.effectiveAt).toLocaleDateString()}` : 'Current'}
          </Badge>
          <Title order={2} size="h3">
            {version.title} ({version.version})
          </Title>
          <Text c="dimmed" size="sm" mb="sm">
            {version.summary}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{version.body}</Text>
        </Paper>
      ))}
    </PublicLayout>
  )
}
