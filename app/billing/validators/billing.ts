import vine, { SimpleMessagesProvider } from '@vinejs/vine'
import billingConfig from '#config/billing'

/** Only plans sold through Stripe; any other key (or a raw price id) is refused at the door. */
const paidPlan = () => vine.enum(billingConfig.paidPlans)

export const choosePlanValidator = vine.create({
  plan: paidPlan(),
})

export const billingDetailsValidator = vine.create({
  billingName: vine.string().trim().minLength(2).maxLength(120),
  billingEmail: vine.string().trim().maxLength(254).email(),
  // EU VAT ids: two-letter country prefix and 2–13 letters or digits (spaces and dots are dropped).
  vatId: vine
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}[0-9A-Za-z .]{2,20}$/)
    .transform((value) => value.replace(/[\s.]/g, '').toUpperCase())
    .optional(),
  address: vine.object({
    line1: vine.string().trim().minLength(2).maxLength(120),
    line2: vine.string().trim().maxLength(120).optional(),
    postalCode: vine.string().trim().minLength(2).maxLength(16),
    city: vine.string().trim().minLength(1).maxLength(80),
    country: vine
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/),
  }),
})

billingDetailsValidator.messagesProvider = new SimpleMessagesProvider({
  'vatId.regex': 'Enter the VAT ID with its country prefix, e.g. DE123456789.',
  'address.country.regex': 'Enter the two-letter country code, e.g. DE.',
  'billingEmail.email': 'Enter a valid billing email address.',
  'required': 'This field is required.',
})

/** Stripe's endpoint signing secrets start with whsec_. */
export const webhookSecretValidator = vine.create({
  webhookSecret: vine.string().trim().regex(/^whsec_[A-Za-z0-9_]{8,200}$/),
})
