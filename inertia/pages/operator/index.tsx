import { Link } from '@inertiajs/react'
import { Anchor, Paper, SimpleGrid, Text, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'

const SECTIONS = [
  { href: '/operator/subprocessors', title: 'Subprocessors', text: 'Announce, retire, read owners’ objections.' },
  { href: '/operator/policies', title: 'Policy versions', text: 'Announce a new privacy-policy version (≥ 30 days ahead).' },
  { href: '/operator/support', title: 'Support sessions', text: 'Workspaces whose owners granted you access right now.' },
  { href: '/operator/privacy-requests', title: 'Privacy requests', text: 'Requests from workspace users (the platform is their controller).' },
]

/** The operator console home. */
export default function OperatorIndex({ upcomingSubprocessors, activeGrants }: { upcomingSubprocessors: number; activeGrants: number }) {
  return (
    <AppLayout title="Operator console">
      <Text size="sm" c="dimmed">
        {upcomingSubprocessors} subprocessor(s) in their notice period · {activeGrants} active support grant(s). You see a workspace only while its
        owner grants access; everything you do there is shown to the owner.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {SECTIONS.map((section) => (
          <Paper key={section.href} withBorder p="md">
            <Anchor component={Link} href={section.href}>
              <Title order={2} size="h4">
                {section.title}
              </Title>
            </Anchor>
            <Text size="sm">{section.text}</Text>
          </Paper>
        ))}
      </SimpleGrid>
    </AppLayout>
  )
}
