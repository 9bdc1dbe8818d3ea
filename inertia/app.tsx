import type { ComponentType } from 'react'
import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import { createRoot } from 'react-dom/client'
import { createInertiaApp } from '@inertiajs/react'
import { resolvePageComponent } from '@adonisjs/inertia/helpers'
import { MantineProvider } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { theme } from '~/theme'

createInertiaApp({
  progress: { color: '#1c7ed6' },
  title: (title) => (title ? `${title} · Vaultdesk` : 'Vaultdesk'),
  resolve: async (name) => {
    const page = await resolvePageComponent(`./pages/${name}.tsx`, import.meta.glob<{ default: ComponentType<any> }>('./pages/**/*.tsx'))
    return page.default
  },
  setup({ el, App, props }) {
    createRoot(el).render(
      <MantineProvider theme={theme}>
        <Notifications position="top-right" />
        <App {...props} />
      </MantineProvider>
    )
  },
})
