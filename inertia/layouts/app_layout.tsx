import type { ReactNode } from 'react'
import { Head, Link, router, usePage } from '@inertiajs/react'
import { AppShell, Badge, Burger, Button, Group, NavLink, ScrollArea, Select, Stack, Text, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { FlashMessages } from '~/components/flash_messages'
import { ROLE_LABELS, type SharedProps } from '~/types'

interface NavItem {
  label: string
  href: string
  show: boolean
}

/**
 * The admin portal frame: workspace switcher and module navigation on the
 * left (it grows as modules land), the page on the right.
 */
export function AppLayout({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const page = usePage<SharedProps>()
  const { currentUser, workspaces, currentWorkspace } = page.props
  const [opened, { toggle }] = useDisclosure()
  const path = page.url.split('?')[0]
  const base = currentWorkspace ? `/w/${currentWorkspace.slug}` : null
  const manages = currentWorkspace?.role === 'owner' || currentWorkspace?.role === 'admin'

  const workspaceNav: NavItem[] = base
    ? [
        { label: 'Overview', href: base, show: true },
        { label: 'Inbox', href: `${base}/inbox`, show: true },
        { label: 'Contacts', href: `${base}/contacts`, show: true },
        { label: 'Incidents', href: `${base}/incidents`, show: true },
        { label: 'Helpdesk settings', href: `${base}/helpdesk/settings`, show: manages },
        { label: 'Members', href: `${base}/members`, show: true },
        { label: 'Workspace settings', href: `${base}/settings`, show: manages },
        { label: 'Reports', href: `${base}/reports`, show: manages },
        { label: 'Knowledge base', href: `${base}/knowledge`, show: manages || currentWorkspace?.role === 'agent' },
        { label: 'Help center', href: `${base}/help-center`, show: true },
        { label: 'Chat widget', href: `${base}/widget`, show: manages },
        { label: 'Email', href: `${base}/email`, show: manages },
        { label: 'AI playground', href: `${base}/ai/playground`, show: manages },
        { label: 'AI settings', href: `${base}/ai/settings`, show: manages },
        { label: 'AI usage', href: `${base}/ai/usage`, show: manages },
        { label: 'API tokens', href: `${base}/api-tokens`, show: manages },
        { label: 'Keys & encryption', href: `${base}/security/keys`, show: currentWorkspace?.role === 'owner' },
        { label: 'Billing', href: `${base}/billing`, show: currentWorkspace?.role === 'owner' },
        { label: 'Audit log', href: `${base}/audit`, show: currentWorkspace?.role === 'owner' || currentWorkspace?.role === 'privacy' },
        { label: 'Retention & legal holds', href: `${base}/governance/retention`, show: currentWorkspace?.role !== 'agent' },
        { label: 'Subprocessors & policy', href: `${base}/governance/subprocessors`, show: currentWorkspace?.role !== 'agent' },
        { label: 'Consent', href: `${base}/governance/consent`, show: currentWorkspace?.role !== 'agent' },
        { label: 'Privacy requests', href: `${base}/privacy/requests`, show: currentWorkspace?.role === 'owner' || currentWorkspace?.role === 'privacy' },
        { label: 'Personal-data catalog', href: `${base}/privacy/catalog`, show: currentWorkspace?.role === 'owner' || currentWorkspace?.role === 'privacy' },
        { label: 'Records of processing', href: `${base}/governance/records-of-processing`, show: currentWorkspace?.role === 'owner' || currentWorkspace?.role === 'privacy' },
        { label: 'Support access', href: `${base}/governance/support-access`, show: currentWorkspace?.role === 'owner' },
      ]
    : []
  const operatorNav: NavItem[] = currentUser?.isOperator
    ? [
        { label: 'Console', href: '/operator', show: true },
        { label: 'Subprocessors', href: '/operator/subprocessors', show: true },
        { label: 'Policy versions', href: '/operator/policies', show: true },
        { label: 'Support sessions', href: '/operator/support', show: true },
        { label: 'Privacy requests', href: '/operator/privacy-requests', show: true },
        { label: 'Billing settings', href: '/operator/billing', show: true },
      ]
    : []
  const accountNav: NavItem[] = [
    { label: 'Profile', href: '/account/profile', show: true },
    { label: 'Security', href: '/account/security', show: true },
    { label: 'My privacy requests', href: '/account/privacy', show: true },
  ]

  const switchTo = (slug: string | null) => {
    if (slug === '__new') router.visit('/workspaces/new')
    else if (slug) router.visit(`/w/${slug}`)
  }

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <Head title={title} />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Text component={Link} href="/app" fw={800} c="indigo" size="lg">
              Vaultdesk
            </Text>
          </Group>
          {currentUser && (
            <Group gap="sm">
              <Text size="sm" data-testid="who">
                {currentUser.fullName}
              </Text>
              <Button variant="subtle" size="xs" onClick={() => router.post('/logout')}>
                Sign out
              </Button>
            </Group>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md" aria-label="Main navigation">
        {/* Scrolls on short screens: the navigation grows as modules land. */}
        <AppShell.Section grow component={ScrollArea} type="auto">
        <Stack gap="lg">
          <Select
            label="Workspace"
            placeholder="Choose a workspace"
            value={currentWorkspace?.slug ?? null}
            onChange={switchTo}
            allowDeselect={false}
            data={[
              ...workspaces.map((workspace) => ({ value: workspace.slug, label: workspace.name })),
              { value: '__new', label: '+ New workspace' },
            ]}
          />
          {currentWorkspace && (
            <Badge variant="light" w="fit-content">
              Your role: {ROLE_LABELS[currentWorkspace.role]}
            </Badge>
          )}
          <nav aria-label="Workspace">
            {workspaceNav
              .filter((item) => item.show)
              .map((item) => (
                <NavLink key={item.href} component={Link} href={item.href} label={item.label} active={path === item.href} />
              ))}
          </nav>
          {operatorNav.length > 0 && (
            <nav aria-label="Operator">
              <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={4}>
                Operator
              </Text>
              {operatorNav.map((item) => (
                <NavLink key={item.href} component={Link} href={item.href} label={item.label} active={path === item.href} />
              ))}
            </nav>
          )}
          <nav aria-label="Account">
            <Text size="xs" c="dimmed" tt="uppercase" fw={700} mb={4}>
              Account
            </Text>
            {accountNav.map((item) => (
              <NavLink key={item.href} component={Link} href={item.href} label={item.label} active={path === item.href} />
            ))}
          </nav>
        </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Stack gap="md" maw={1280}>
          <Group justify="space-between">
            <Title order={1} size="h2">
              {title}
            </Title>
            {actions}
          </Group>
          <FlashMessages />
          {children}
        </Stack>
      </AppShell.Main>
    </AppShell>
  )
}
