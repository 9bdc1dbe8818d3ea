import { router, useForm } from '@inertiajs/react'
import { Alert, Badge, Button, Code, Group, Image, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'

interface Props {
  twoFactorEnabled: boolean
  enabledAt: string | null
  unusedRecoveryCodes: number
  setup: { secret: string; qrCode: string } | null
  newRecoveryCodes: string[] | null
}

export default function Security({ twoFactorEnabled, enabledAt, unusedRecoveryCodes, setup, newRecoveryCodes }: Props) {
  const confirm = useForm({ code: '' })
  const disable = useForm({ currentPassword: '' })
  return (
    <AppLayout title="Security">
      <Paper withBorder p="lg" maw={640}>
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h4">
              Two-factor authentication
            </Title>
            <Badge color={twoFactorEnabled ? 'teal' : 'gray'} data-testid="two-factor-status">
              {twoFactorEnabled ? 'On' : 'Off'}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            Ask for a code from an authenticator app (TOTP) at every sign-in.
          </Text>

          {newRecoveryCodes && (
            <Alert color="yellow" title="Save your recovery codes" data-testid="recovery-codes">
              <Text size="sm" mb="xs">
                Each code signs you in once if you lose your phone. They are shown only now.
              </Text>
              <SimpleGrid cols={2} spacing={4}>
                {newRecoveryCodes.map((code) => (
                  <Code key={code}>{code}</Code>
                ))}
              </SimpleGrid>
            </Alert>
          )}

          {!twoFactorEnabled && !setup && (
            <Button w="fit-content" onClick={() => router.post('/account/security/two-factor')}>
              Set up two-factor authentication
            </Button>
          )}

          {!twoFactorEnabled && setup && (
            <form
              onSubmit={(event) => {
                event.preventDefault()
                confirm.post('/account/security/two-factor/confirm')
              }}
              noValidate
            >
              <Stack>
                <Text size="sm">1. Scan this code with your authenticator app, or type the key by hand.</Text>
                <Image src={setup.qrCode} alt="QR code for your authenticator app" w={180} h={180} />
                <Text size="sm">
                  Key: <Code data-testid="totp-secret">{setup.secret}</Code>
                </Text>
                <TextInput
                  label="2. Enter the 6-digit code the app shows"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  value={confirm.data.code}
                  onChange={(event) => confirm.setData('code', event.currentTarget.value)}
                  error={confirm.errors.code}
                  maw={240}
                />
                <Button type="submit" loading={confirm.processing} w="fit-content">
                  Turn on
                </Button>
              </Stack>
            </form>
          )}

          {twoFactorEnabled && (
            <Stack>
              <Text size="sm">
                On since {enabledAt ? new Date(enabledAt).toLocaleString() : '—'}. {unusedRecoveryCodes} unused recovery
                codes left.
              </Text>
              <Button variant="light" w="fit-content" onClick={() => router.post('/account/security/recovery-codes')}>
                Generate new recovery codes
              </Button>
              <form
                onSubmit={(event) => {
                  event.preventDefault()
                  disable.delete('/account/security/two-factor', { onSuccess: () => disable.reset() })
                }}
                noValidate
              >
                <Group align="flex-end">
                  <PasswordInput
                    label="Password"
                    description="Confirm with your password to turn it off"
                    autoComplete="current-password"
                    value={disable.data.currentPassword}
                    onChange={(event) => disable.setData('currentPassword', event.currentTarget.value)}
                    error={disable.errors.currentPassword}
                  />
                  <Button type="submit" color="red" variant="light" loading={disable.processing}>
                    Turn off
                  </Button>
                </Group>
              </form>
            </Stack>
          )}
        </Stack>
      </Paper>
    </AppLayout>
  )
}
