import { Link, useForm } from '@inertiajs/react'
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { AuthLayout } from '~/layouts/auth_layout'

interface Props {
  invitation: { token: string; email: string; workspaceName: string } | null
}

export default function Signup({ invitation }: Props) {
  const form = useForm({
    fullName: '',
    email: invitation?.email ?? '',
    password: '',
    passwordConfirmation: '',
    invitationToken: invitation?.token ?? undefined,
  })
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    form.post('/signup', { onFinish: () => form.reset('password', 'passwordConfirmation') })
  }
  return (
    <AuthLayout title="Create your account" subtitle="Privacy-first customer support">
      {invitation && (
        <Alert mb="md" color="indigo">
          You are joining <strong>{invitation.workspaceName}</strong>.
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label="Full name"
            autoComplete="name"
            required
            autoFocus
            value={form.data.fullName}
            onChange={(event) => form.setData('fullName', event.currentTarget.value)}
            error={form.errors.fullName}
          />
          <TextInput
            label="Work email"
            type="email"
            autoComplete="email"
            required
            readOnly={Boolean(invitation)}
            value={form.data.email}
            onChange={(event) => form.setData('email', event.currentTarget.value)}
            error={form.errors.email}
          />
          <PasswordInput
            label="Password"
            description="At least 10 characters"
            autoComplete="new-password"
            required
            value={form.data.password}
            onChange={(event) => form.setData('password', event.currentTarget.value)}
            error={form.errors.password}
          />
          <PasswordInput
            label="Repeat password"
            autoComplete="new-password"
            required
            value={form.data.passwordConfirmation}
            onChange={(event) => form.setData('passwordConfirmation', event.currentTarget.value)}
            error={form.errors.passwordConfirmation}
          />
          <Button type="submit" loading={form.processing} fullWidth>
            Create account
          </Button>
          <Text size="sm" ta="center">
            Already have an account?{' '}
            <Anchor component={Link} href="/login">
              Sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  )
}
