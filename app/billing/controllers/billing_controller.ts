import type { HttpContext } from '@adonisjs/core/http'
import BillingPolicy from '#billing/policies/billing_policy'
import DescribeBilling from '#billing/actions/describe_billing'
import StartCheckout from '#billing/actions/start_checkout'
import OpenPortal from '#billing/actions/open_portal'
import ChangePlan from '#billing/actions/change_plan'
import UpdateBillingDetails from '#billing/actions/update_billing_details'
import { billingDetailsValidator, choosePlanValidator } from '#billing/validators/billing'
import billingConfig from '#config/billing'

/** The workspace's Billing page and its buttons (owners only). */
export default class BillingController {
  async show(ctx: HttpContext) {
    const workspace = await this.authorize(ctx)
    const checkout = ctx.request.qs().checkout
    return ctx.inertia.render('billing/show', {
      workspace: { name: workspace.name, slug: workspace.slug },
      ...(await new DescribeBilling().handle(workspace)),
      checkoutResult: checkout === 'success' || checkout === 'canceled' ? checkout : null,
    })
  }

  /** Stripe Checkout: the browser follows the redirect (Inertia visits get a 409 with the external URL). */
  async checkout(ctx: HttpContext) {
    const workspace = await this.authorize(ctx)
    const { plan } = await ctx.request.validateUsing(choosePlanValidator)
    const url = await new StartCheckout().handle(workspace, ctx.auth.getUserOrFail(), plan, ctx.request.ip())
    return this.leaveFor(ctx, url)
  }

  async portal(ctx: HttpContext) {
    const workspace = await this.authorize(ctx)
    return this.leaveFor(ctx, await new OpenPortal().handle(workspace))
  }

  async changePlan(ctx: HttpContext) {
    const workspace = await this.authorize(ctx)
    const { plan } = await ctx.request.validateUsing(choosePlanValidator)
    await new ChangePlan().handle(workspace, plan)
    ctx.session.flash('success', `Plan change to ${billingConfig.plans[plan].name} sent to Stripe. It shows here once Stripe confirms.`)
    return ctx.response.redirect().back()
  }

  async updateDetails(ctx: HttpContext) {
    const workspace = await this.authorize(ctx)
    const input = await ctx.request.validateUsing(billingDetailsValidator)
    await new UpdateBillingDetails().handle(workspace, input)
    ctx.session.flash('success', 'Billing details saved.')
    return ctx.response.redirect().back()
  }

  private async authorize(ctx: HttpContext) {
    await ctx.bouncer.with(BillingPolicy).authorize('manage', ctx.membership)
    return ctx.workspace!
  }

  private leaveFor(ctx: HttpContext, url: string) {
    if (ctx.request.header('x-inertia')) return ctx.inertia.location(url)
    if (ctx.request.accepts(['html', 'json']) === 'json') return { url }
    return ctx.response.redirect(url)
  }
}
