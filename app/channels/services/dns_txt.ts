import { Resolver } from 'node:dns/promises'
import env from '#start/env'

/**
 * TXT lookups for custom-domain verification through node:dns. The servers
 * come from HELP_CENTER_DNS_SERVERS (e.g. a local DNS fixture in tests),
 * otherwise the system's resolver is used. Missing names answer [].
 */
export async function resolveTxt(name: string): Promise<string[]> {
  const resolver = new Resolver({ timeout: 3000, tries: 2 })
  const servers = env.get('HELP_CENTER_DNS_SERVERS')
  if (servers) resolver.setServers(servers.split(',').map((server) => server.trim()).filter(Boolean))
  try {
    const records = await resolver.resolveTxt(name)
    return records.map((chunks) => chunks.join(''))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'ENONAME' || code === 'NXDOMAIN') return []
    throw error
  }
}
