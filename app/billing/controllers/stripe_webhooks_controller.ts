import type { HttpContext } from '@adonisjs/core/http'
import { UserFacingError } from '#core/errors'
import HandleStripeWebhook from '#billing/actions/handle_stripe_webhook'

/** Stripe's webhook endpoint: no session, no CSRF; the signature is the authentication. */
export default class StripeWebhooksController {
  async handle({ request, response }: HttpContext) {
    try {
      return await new HandleStripeWebhook().handle(request.raw() ?? '', request.header('stripe-signature'))
    } catch (error) {
      // A machine caller: always a JSON status, never a redirect to a page.
      if (error instanceof UserFacingError) return response.status(error.status).send({ message: error.message, code: error.code })
      throw error
    }
  }
}
