import { Link, useForm } from '@inertiajs/react'
import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core'
import { AuthLayout } from '~/layouts/auth_layout'

export default function ForgotPassword() {
  const form = useForm({ email: '' })
  return (
    <AuthLayout title="Reset your password" subtitle="We will email you a link to choose a new one">
      <form
        onSubmit={(event) => {
          event.preventDefault()
          form.post('/forgot-password')
        }}
        noValidate
      >
        <Stack>
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            autoFocus
            value={form.data.email}
            onChange={(event) => form.setData('email', event.currentTarget.value)}
            error={form.errors.email}
          />
          <Button type="submit" loading={form.processing} fullWidth>
            Send reset link
          </Button>
          <Text size="sm" ta="center">
            <Anchor component={Link} href="/login">
              Back to sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  )
}
