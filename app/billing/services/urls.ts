import env from '#start/env'

/** An absolute URL of the app (Stripe redirects back to it). */
export function absoluteUrl(path: string) {
  return new URL(path, env.get('APP_URL')).toString()
}
