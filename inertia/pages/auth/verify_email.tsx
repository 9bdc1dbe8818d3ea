import { router } from '@inertiajs/react'
import { Button, Stack, Text } from '@mantine/core'
import { AuthLayout } from '~/layouts/auth_layout'

export default function VerifyEmail({ email }: { email: string }) {
  return (
    <AuthLayout title="Check your inbox">
      <Stack>
        <Text>
          We sent a confirmation link to <strong>{email}</strong>. Open it to finish creating your account. The link
          works once and expires in 24 hours.
        </Text>
        <Button variant="light" onClick={() => router.post('/verify-email/resend')}>
          Send the link again
        </Button>
        <Button variant="subtle" onClick={() => router.post('/logout')}>
          Sign out
        </Button>
      </Stack>
    </AuthLayout>
  )
}
