import { useForm } from '@inertiajs/react'
import { Button, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'

interface Props {
  profile: { fullName: string; email: string; createdAt: string }
}

export default function Profile({ profile }: Props) {
  const details = useForm({ fullName: profile.fullName })
  const password = useForm({ currentPassword: '', password: '', passwordConfirmation: '' })
  return (
    <AppLayout title="Profile">
      <Paper withBorder p="lg" maw={560}>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            details.put('/account/profile', { preserveScroll: true })
          }}
          noValidate
        >
          <Stack>
            <Title order={2} size="h4">
              Your details
            </Title>
            <TextInput
              label="Full name"
              required
              value={details.data.fullName}
              onChange={(event) => details.setData('fullName', event.currentTarget.value)}
              error={details.errors.fullName}
            />
            <TextInput label="Email" value={profile.email} readOnly description={`Member since ${profile.createdAt}`} />
            <Button type="submit" loading={details.processing} w="fit-content">
              Save profile
            </Button>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="lg" maw={560}>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            password.put('/account/password', { preserveScroll: true, onSuccess: () => password.reset() })
          }}
          noValidate
        >
          <Stack>
            <Title order={2} size="h4">
              Change password
            </Title>
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              value={password.data.currentPassword}
              onChange={(event) => password.setData('currentPassword', event.currentTarget.value)}
              error={password.errors.currentPassword}
            />
            <PasswordInput
              label="New password"
              description="At least 10 characters"
              autoComplete="new-password"
              value={password.data.password}
              onChange={(event) => password.setData('password', event.currentTarget.value)}
              error={password.errors.password}
            />
            <PasswordInput
              label="Repeat new password"
              autoComplete="new-password"
              value={password.data.passwordConfirmation}
              onChange={(event) => password.setData('passwordConfirmation', event.currentTarget.value)}
              error={password.errors.passwordConfirmation}
            />
            <Button type="submit" loading={password.processing} w="fit-content">
              Change password
            </Button>
          </Stack>
        </form>
      </Paper>
    </AppLayout>
  )
}
