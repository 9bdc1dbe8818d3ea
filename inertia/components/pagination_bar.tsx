import { Group, Pagination as MantinePagination, Text } from '@mantine/core'
import { router } from '@inertiajs/react'
import type { Pagination } from '~/types'

/** Page links for a paginated list; keeps other query parameters. */
export function PaginationBar({ pagination, label }: { pagination: Pagination; label: string }) {
  if (pagination.lastPage <= 1) return null
  const goTo = (page: number) => {
    const url = new URL(window.location.href)
    url.searchParams.set('page', String(page))
    router.get(url.pathname + url.search, {}, { preserveScroll: true })
  }
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" c="dimmed">
        {pagination.total} {label}
      </Text>
      <MantinePagination
        total={pagination.lastPage}
        value={pagination.page}
        onChange={goTo}
        getControlProps={(control) => ({ 'aria-label': `${control} page` })}
      />
    </Group>
  )
}
