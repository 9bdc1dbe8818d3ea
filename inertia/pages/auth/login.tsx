import { Link, useForm } from '@inertiajs/react'
import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { AuthLayout } from '~/layouts/auth_layout'

export default function Login({ next }: { next: string | null }) {
  const form = useForm({ email: '', password: '' })
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    form.post(next ? `/login?next=${encodeURIComponent(next)}` : '/login', { onFinish: () => form.reset('password') })
  }
  return (
    <AuthLayout title="Sign in" subtitle="Welcome back to Vaultdesk">
      <form onSubmit={submit} noValidate>
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
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={form.data.password}
            onChange={(event) => form.setData('password', event.currentTarget.value)}
            error={form.errors.password}
          />
          <Button type="submit" loading={form.processing} fullWidth>
            Sign in
          </Button>
          <Text size="sm" ta="center">
            <Anchor component={Link} href="/forgot-password">
              Forgot your password?
            </Anchor>
            {' · '}
            <Anchor component={Link} href="/signup">
              Create an account
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  )
}
