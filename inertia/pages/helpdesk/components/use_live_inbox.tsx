import { useEffect, useRef } from 'react'
import { Transmit, type Subscription } from '@adonisjs/transmit-client'

export type InboxEvent =
  | { type: 'ticket.created'; ticketId: string; number: number }
  | { type: 'ticket.updated'; ticketId: string; number: number; version: number }
  | { type: 'message.created'; ticketId: string; number: number; messageId: string; kind: string }
  | { type: 'tickets.bulk_updated'; ticketIds: string[] }

let client: Transmit | null = null
const subscriptions = new Map<string, { subscription: Subscription; ready: Promise<boolean> }>()

/**
 * One SSE connection per tab and one subscription per channel, kept for the
 * life of the tab: pages come and go (Inertia remounts them after a form
 * post), so deleting and re-creating the subscription on each remount
 * could race and lose it. Unmounting only removes the page's handler.
 */
function subscribe(channel: string) {
  let entry = subscriptions.get(channel)
  if (!entry) {
    client ??= new Transmit({ baseUrl: window.location.origin })
    const subscription = client.subscription(channel)
    const ready = subscription
      .create()
      .then(() => subscription.isCreated)
      .catch(() => false)
    entry = { subscription, ready }
    subscriptions.set(channel, entry)
  }
  return entry
}

/**
 * Listens to the workspace's inbox channel. Events carry ids only; the
 * caller reloads what it shows. `onStatus` reports whether the live
 * connection is up (shown to the agent).
 */
export function useLiveInbox(channel: string, onEvent: (event: InboxEvent) => void, onStatus?: (live: boolean) => void) {
  const handler = useRef(onEvent)
  handler.current = onEvent
  useEffect(() => {
    const { subscription, ready } = subscribe(channel)
    let active = true
    const stop = subscription.onMessage<InboxEvent>((event) => handler.current(event))
    ready.then((live) => active && onStatus?.(live))
    return () => {
      active = false
      stop()
    }
  }, [channel])
}
