import { useForm } from '@inertiajs/react'
import { Button, PasswordInput, Stack } from '@mantine/core'
import { AuthLayout } from '~/layouts/auth_layout'

export default function ResetPassword({ token }: { token: string }) {
  const form = useForm({ token, password: '', passwordConfirmation: '' })
  return (
    <AuthLayout title="Choose a new password">
      <form
        onSubmit={(event) => {
          event.preventDefault()
          form.post('/reset-password')
        }}
        noValidate
      >
        <Stack>
          <PasswordInput
            label="New password"
            description="At least 10 characters"
            autoComplete="new-password"
            required
            autoFocus
            value={form.data.password}
            onChange={(event) => form.setData('password', event.currentTarget.value)}
            error={form.errors.password || form.errors.token}
          />
          <PasswordInput
            label="Repeat new password"
            autoComplete="new-password"
            required
            value={form.data.passwordConfirmation}
            onChange={(event) => form.setData('passwordConfirmation', event.currentTarget.value)}
            error={form.errors.passwordConfirmation}
          />
          <Button type="submit" loading={form.processing} fullWidth>
            Change password
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  )
}
