import { Alert, Anchor, Stack } from '@mantine/core'
import { Link, usePage } from '@inertiajs/react'

interface Flash {
  success?: string | null
  error?: string | null
  /** Set with a plan-limit refusal: where to upgrade. */
  upgradeUrl?: string | null
}

/** The server's flash messages, as alerts screen readers announce. */
export function FlashMessages() {
  const page = usePage()
  const flash = ((page as unknown as { flash?: Flash }).flash ?? {}) as Flash
  if (!flash.success && !flash.error) return null
  return (
    <Stack gap="xs" mb="md">
      {flash.success && (
        <Alert color="teal" role="status" data-testid="flash-success">
          {flash.success}
        </Alert>
      )}
      {flash.error && (
        <Alert color="red" role="alert" data-testid="flash-error">
          {flash.error}
          {flash.upgradeUrl && (
            <>
              {' '}
              <Anchor component={Link} href={flash.upgradeUrl} fw={600}>
                Upgrade your plan
              </Anchor>
            </>
          )}
        </Alert>
      )}
    </Stack>
  )
}
