import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import adonisjs from '@adonisjs/vite/client'

export default defineConfig({
  plugins: [
    react(),
    adonisjs({ entryPoints: ['inertia/app.tsx'], reload: ['resources/views/**/*.edge'] }),
  ],
  resolve: {
    alias: { '~/': `${import.meta.dirname}/inertia/` },
  },
  // Pre-bundle up front: a mid-test "optimized dependencies changed" reload wipes forms.
  optimizeDeps: {
    include: [
      'react',
      'react-dom/client',
      'react/jsx-dev-runtime',
      'react/jsx-runtime',
      '@inertiajs/react',
      '@adonisjs/inertia/helpers',
      '@mantine/core',
      '@mantine/hooks',
      '@mantine/notifications',
      '@mantine/charts',
      'recharts',
      '@adonisjs/transmit-client',
    ],
  },
  // `.test` hosts: help-center custom domains (e.g. help.acme.test in /etc/hosts) in development and tests;
  // the dev server refuses unknown Host headers otherwise. Production has no Vite server.
  server: { watch: { ignored: ['**/storage/**', '**/tmp/**'] }, allowedHosts: ['.test'] },
})
