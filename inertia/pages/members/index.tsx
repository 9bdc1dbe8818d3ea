import { router, useForm, usePage } from '@inertiajs/react'
import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'
import { PaginationBar } from '~/components/pagination_bar'
import { ROLE_LABELS, type Pagination, type Role, type SharedProps } from '~/types'

interface Member {
  id: string
  fullName: string
  email: string
  role: Role
  isYou: boolean
  joinedAt: string
}

interface PendingInvitation {
  id: string
  email: string
  role: Role
  invitedBy: string | null
  expiresAt: string
}

interface Props {
  members: Member[]
  pagination: Pagination
  invitations: PendingInvitation[]
  canManage: boolean
  yourRole: Role
}

const roleOptions = (yourRole: Role) =>
  (Object.keys(ROLE_LABELS) as Role[])
    .filter((role) => yourRole === 'owner' || role !== 'owner')
    .map((role) => ({ value: role, label: ROLE_LABELS[role] }))

export default function Members({ members, pagination, invitations, canManage, yourRole }: Props) {
  const { currentWorkspace } = usePage<SharedProps>().props
  const base = `/w/${currentWorkspace!.slug}`
  const invite = useForm({ email: '', role: 'agent' as Role })

  const changeRole = (member: Member, role: string | null) => {
    if (role && role !== member.role) router.patch(`${base}/members/${member.id}`, { role }, { preserveScroll: true })
  }
  const remove = (member: Member) => {
    const question = member.isYou ? 'Leave this workspace?' : `Remove ${member.fullName} from the workspace?`
    if (window.confirm(question)) router.delete(`${base}/members/${member.id}`, { preserveScroll: true })
  }

  return (
    <AppLayout title="Members">
      {canManage && (
        <Paper withBorder p="lg">
          <form
            onSubmit={(event) => {
              event.preventDefault()
              invite.post(`${base}/invitations`, { preserveScroll: true, onSuccess: () => invite.reset('email') })
            }}
            noValidate
          >
            <Title order={2} size="h4" mb="sm">
              Invite a colleague
            </Title>
            <Group align="flex-start">
              <TextInput
                label="Email"
                type="email"
                required
                style={{ flex: 1 }}
                value={invite.data.email}
                onChange={(event) => invite.setData('email', event.currentTarget.value)}
                error={invite.errors.email}
              />
              <Select
                label="Role"
                data={roleOptions(yourRole)}
                value={invite.data.role}
                allowDeselect={false}
                onChange={(value) => invite.setData('role', (value ?? 'agent') as Role)}
                error={invite.errors.role}
              />
              <Button type="submit" mt={25} loading={invite.processing}>
                Send invitation
              </Button>
            </Group>
          </form>
        </Paper>
      )}

      <Paper withBorder>
        <Table striped highlightOnHover verticalSpacing="sm" aria-label="Workspace members">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Joined</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => (
              <Table.Tr key={member.id} data-testid={`member-${member.email}`}>
                <Table.Td>
                  {member.fullName} {member.isYou && <Badge size="xs">you</Badge>}
                </Table.Td>
                <Table.Td>{member.email}</Table.Td>
                <Table.Td>
                  {canManage && (yourRole === 'owner' || member.role !== 'owner') ? (
                    <Select
                      aria-label={`Role of ${member.fullName}`}
                      size="xs"
                      data={roleOptions(yourRole)}
                      value={member.role}
                      allowDeselect={false}
                      onChange={(role) => changeRole(member, role)}
                    />
                  ) : (
                    ROLE_LABELS[member.role]
                  )}
                </Table.Td>
                <Table.Td>{member.joinedAt}</Table.Td>
                <Table.Td>
                  {(member.isYou || (canManage && (yourRole === 'owner' || member.role !== 'owner'))) && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove(member)}>
                      {member.isYou ? 'Leave' : 'Remove'}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <PaginationBar pagination={pagination} label="members" />

      {canManage && invitations.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            Pending invitations
          </Title>
          <Paper withBorder>
            <Table aria-label="Pending invitations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Invited by</Table.Th>
                  <Table.Th>Expires</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invitations.map((invitation) => (
                  <Table.Tr key={invitation.id}>
                    <Table.Td>{invitation.email}</Table.Td>
                    <Table.Td>{ROLE_LABELS[invitation.role]}</Table.Td>
                    <Table.Td>{invitation.invitedBy ?? '—'}</Table.Td>
                    <Table.Td>{new Date(invitation.expiresAt).toLocaleDateString()}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => router.delete(`${base}/invitations/${invitation.id}`, { preserveScroll: true })}
                      >
                        Revoke
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      )}
      {!canManage && (
        <Text size="sm" c="dimmed">
          Owners and admins can invite members and change roles.
        </Text>
      )}
    </AppLayout>
  )
}
