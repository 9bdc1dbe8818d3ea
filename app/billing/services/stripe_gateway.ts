/**
 * The one Stripe client of the app (official SDK). Host, port and protocol
 * come from config/billing.ts (api.stripe.com by default); tests point them
 * at the local fake server with `connectStripe`.
 */
import Stripe from 'stripe'
import billingConfig from '#config/billing'
import { UserFacingError } from '#core/errors'

export interface StripeConnection {
  secretKey: string | null
  webhookSecret: string | null
  host: string
  port: number
  protocol: 'http' | 'https'
}

let connection: StripeConnection = { ...billingConfig.stripe }
let client: Stripe | null = null

/** Replaces the connection settings (tests: the fake server; `null` restores the configured ones). */
export function connectStripe(next: Partial<StripeConnection> | null) {
  connection = next ? { ...connection, ...next } : { ...billingConfig.stripe }
  client = null
}

/** The Stripe client; a clear 503 when billing is not configured on this installation. */
export function stripe(): Stripe {
  if (!connection.secretKey) {
    throw new UserFacingError('Payments are not configured on this installation (STRIPE_SECRET_KEY).', undefined, {
      status: 503,
      code: 'E_BILLING_NOT_CONFIGURED',
    })
  }
  client ??= new Stripe(connection.secretKey, {
    host: connection.host,
    port: connection.port,
    protocol: connection.protocol,
    maxNetworkRetries: 1,
    telemetry: false,
  })
  return client
}

/**
 * Runs Stripe calls and turns Stripe's refusals into messages a person can
 * act on: a price Stripe does not know (a misconfigured STRIPE_PRICE_*) is a
 * 422, Stripe unreachable or failing a 502; never a bare 500.
 */
export async function callStripe<T>(call: (client: Stripe) => Promise<T>): Promise<T> {
  const client = stripe()
  try {
    return await call(client)
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError)) throw error
    if (error.code === 'resource_missing' && error.param?.includes('price')) {
      throw new UserFacingError('Stripe does not know the price of this plan. Please contact support (the plan’s Stripe price id is not configured).', 'plan', { status: 422, code: 'E_UNKNOWN_PRICE' })
    }
    if (error instanceof Stripe.errors.StripeInvalidRequestError) {
      throw new UserFacingError(`Stripe refused the request: ${error.message}`, undefined, { status: 422, code: 'E_STRIPE_REFUSED' })
    }
    throw new UserFacingError('Stripe could not be reached. Nothing was changed; please try again in a minute.', undefined, { status: 502, code: 'E_STRIPE_UNAVAILABLE' })
  }
}

export function webhookSecret() {
  return connection.webhookSecret
}

/** An id field of a Stripe object that may be expanded (`customer: 'cus_…' | { id }`). */
export function idOf(value: string | { id: string } | null | undefined) {
  if (!value) return null
  return typeof value === 'string' ? value : value.id
}
