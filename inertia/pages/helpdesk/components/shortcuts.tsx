import { useEffect, useRef } from 'react'
import { Button, Group, Kbd, Popover, Stack, Text, Title } from '@mantine/core'

export const SHORTCUTS: { keys: string; label: string }[] = [
  { keys: 'j', label: 'Next ticket' },
  { keys: 'k', label: 'Previous ticket' },
  { keys: 'r', label: 'Reply' },
  { keys: 'n', label: 'Internal note' },
  { keys: 'a', label: 'Assign to me' },
  { keys: 'e', label: 'Resolve' },
  { keys: '/', label: 'Search' },
  { keys: '?', label: 'Show these shortcuts' },
]

/** True while the user types somewhere, so letters are not taken as shortcuts. */
function isTyping(target: EventTarget | null) {
  const element = target as HTMLElement | null
  if (!element) return false
  return element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) || element.getAttribute('role') === 'combobox'
}

/** Single-key shortcuts of the inbox (ignored while typing or with a modifier key). */
export function useShortcuts(handlers: Record<string, () => void>) {
  const current = useRef(handlers)
  current.current = handlers
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return
      const handler = current.current[event.key]
      if (!handler) return
      event.preventDefault()
      handler()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}

export function ShortcutsHelp({ opened, onChange }: { opened: boolean; onChange: (opened: boolean) => void }) {
  return (
    <Popover opened={opened} onChange={onChange} position="bottom-end" withArrow trapFocus returnFocus>
      <Popover.Target>
        <Button variant="default" size="xs" onClick={() => onChange(!opened)} aria-keyshortcuts="?" aria-expanded={opened}>
          Keyboard shortcuts <Kbd ml={6} size="xs">?</Kbd>
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6} role="dialog" aria-label="Keyboard shortcuts">
          <Title order={2} size="h5">
            Keyboard shortcuts
          </Title>
          {SHORTCUTS.map((shortcut) => (
            <Group key={shortcut.keys} justify="space-between" gap="xl">
              <Text size="sm">{shortcut.label}</Text>
              <Kbd>{shortcut.keys}</Kbd>
            </Group>
          ))}
          <Text size="xs" c="dimmed">
            Shortcuts pause while you type. Ctrl+Enter sends a reply.
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
