import { useState } from 'react'
import { useForm } from '@inertiajs/react'
import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core'
import { AuthLayout } from '~/layouts/auth_layout'

export default function TwoFactorChallenge() {
  const [useRecovery, setUseRecovery] = useState(false)
  const form = useForm({ code: '', recoveryCode: '' })
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    form.transform((data) => (useRecovery ? { recoveryCode: data.recoveryCode } : { code: data.code }))
    form.post('/login/two-factor')
  }
  return (
    <AuthLayout title="Two-factor authentication" subtitle="One more step to sign in">
      <form onSubmit={submit} noValidate>
        <Stack>
          {useRecovery ? (
            <TextInput
              label="Recovery code"
              autoComplete="off"
              autoFocus
              value={form.data.recoveryCode}
              onChange={(event) => form.setData('recoveryCode', event.currentTarget.value)}
              error={form.errors.code || form.errors.recoveryCode}
            />
          ) : (
            <TextInput
              label="Authentication code"
              description="The 6-digit code from your authenticator app"
              inputMode="numeric"
              autoComplete="one-time-code"
              autoFocus
              value={form.data.code}
              onChange={(event) => form.setData('code', event.currentTarget.value)}
              error={form.errors.code}
            />
          )}
          <Button type="submit" loading={form.processing} fullWidth>
            Verify
          </Button>
          <Text size="sm" ta="center">
            <Anchor component="button" type="button" onClick={() => setUseRecovery(!useRecovery)}>
              {useRecovery ? 'Use an authentication code' : 'Use a recovery code instead'}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  )
}
