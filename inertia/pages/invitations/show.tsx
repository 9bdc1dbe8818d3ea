import { Link, router } from '@inertiajs/react'
import { Alert, Button, Stack, Text } from '@mantine/core'
import { AuthLayout } from '~/layouts/auth_layout'
import { ROLE_LABELS, type Role } from '~/types'

interface Props {
  token: string
  workspaceName: string
  email: string
  role: Role
  hasAccount: boolean
  signedInAs: string | null
}

export default function ShowInvitation({ token, workspaceName, email, role, hasAccount, signedInAs }: Props) {
  const next = `/invitations/${token}`
  return (
    <AuthLayout title={`Join ${workspaceName}`} subtitle={`You were invited as ${ROLE_LABELS[role]}`}>
      <Stack>
        <Text>
          This invitation was sent to <strong>{email}</strong>.
        </Text>
        {signedInAs && signedInAs.toLowerCase() === email ? (
          <Button onClick={() => router.post(`/invitations/${token}/accept`)}>Accept invitation</Button>
        ) : signedInAs ? (
          <Alert color="yellow">
            You are signed in as {signedInAs}. Sign out and sign in as {email} to accept.
          </Alert>
        ) : hasAccount ? (
          <Button component={Link} href={`/login?next=${encodeURIComponent(next)}`}>
            Sign in to accept
          </Button>
        ) : (
          <Button component={Link} href={`/signup?invitation=${encodeURIComponent(token)}`}>
            Create your account
          </Button>
        )}
      </Stack>
    </AuthLayout>
  )
}
