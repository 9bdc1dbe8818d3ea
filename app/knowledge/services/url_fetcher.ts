/**
 * Fetches a knowledge URL without letting it reach inside our network (SSRF):
 * only http(s), every address the host name resolves to is checked at connect
 * time (so DNS rebinding between check and connect does not help), private,
 * loopback, link-local, CGNAT and multicast ranges are refused, redirects are
 * followed by hand (each hop checked, at most 5, loops detected), and the
 * whole fetch has a deadline and a size limit that also bounds decompression.
 * Tests may allow private addresses (a local fixture server) by configuration;
 * production never does.
 */
import http from 'node:http'
import https from 'node:https'
import dns from 'node:dns'
import net from 'node:net'
import zlib from 'node:zlib'
import type { Readable } from 'node:stream'
import env from '#start/env'
import { UserFacingError } from '#core/errors'
import { isPrivateAddress } from '#core/private_addresses'
import { MAX_SOURCE_BYTES } from '#knowledge/services/extract'

const MAX_REDIRECTS = 5

export function privateAddressesAllowed() {
  return env.get('NODE_ENV') !== 'production' && env.get('KNOWLEDGE_ALLOW_PRIVATE_URLS') === true
}

export interface FetchedDocument {
  url: string
  contentType: string
  bytes: Buffer
}

export function assertFetchableUrl(input: string) {
  let url: URL
  try {
    url = new URL(input)
  } catch {
    throw new UserFacingError('Enter a full web address, starting with https://', 'url')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserFacingError('Only http and https addresses can be fetched.', 'url')
  if (url.username || url.password) throw new UserFacingError('Addresses with a user name or password are not fetched.', 'url')
  if (!privateAddressesAllowed() && net.isIP(url.hostname.replace(/^\[|\]$/g, '')) && isPrivateAddress(url.hostname.replace(/^\[|\]$/g, ''))) {
    throw new UserFacingError('That address is on a private network; only public web pages can be added.', 'url')
  }
  return url
}

/** A DNS lookup that refuses private answers: the check happens where the socket connects. */
const guardedLookup: net.LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return (callback as any)(error)
    const list = addresses as dns.LookupAddress[]
    if (!privateAddressesAllowed() && list.some((entry) => isPrivateAddress(entry.address))) {
      return (callback as any)(new PrivateAddressError())
    }
    if ((options as dns.LookupOptions).all) return (callback as any)(null, list)
    return (callback as any)(null, list[0].address, list[0].family)
  })
}

class PrivateAddressError extends Error {
  code = 'E_PRIVATE_ADDRESS'
  constructor() {
    super('private address')
  }
}

function timeoutMs() {
  return env.get('KNOWLEDGE_FETCH_TIMEOUT_MS') ?? 10_000
}

function decoded(response: http.IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '').toLowerCase()
  if (encoding === 'gzip' || encoding === 'x-gzip') return response.pipe(zlib.createGunzip())
  if (encoding === 'deflate') return response.pipe(zlib.createInflate())
  if (encoding === 'br') return response.pipe(zlib.createBrotliDecompress())
  return response
}

function requestOnce(url: URL, deadline: number): Promise<{ status: number; location?: string; contentType: string; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http
    const remaining = Math.max(1, deadline - Date.now())
    const request = client.request(
      url,
      {
        method: 'GET',
        // A fresh connection each time: a pooled socket would skip the guarded lookup.
        agent: false,
        lookup: guardedLookup,
        headers: { 'user-agent': 'VaultdeskKnowledgeBot/1.0', 'accept': 'text/html,text/markdown,text/plain,application/pdf;q=0.9,*/*;q=0.1', 'accept-encoding': 'gzip, deflate, br' },
      },
      (response) => {
        const status = response.statusCode ?? 0
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume()
          return resolve({ status, location: response.headers.location, contentType: '', bytes: Buffer.alloc(0) })
        }
        const declared = Number(response.headers['content-length'] ?? 0)
        if (declared > MAX_SOURCE_BYTES) {
          request.destroy()
          return reject(new UserFacingError('The page is larger than 10 MB; at most 10 MB is read.'))
        }
        const chunks: Buffer[] = []
        let size = 0
        const body = decoded(response)
        body.on('data', (chunk: Buffer) => {
          size += chunk.length
          // Counted after decompression: a small gzip that inflates past the limit stops here.
          if (size > MAX_SOURCE_BYTES) {
            request.destroy()
            body.destroy()
            reject(new UserFacingError('The page is larger than 10 MB once decompressed; at most 10 MB is read.'))
            return
          }
          chunks.push(chunk)
        })
        body.on('error', () => reject(new UserFacingError('The page could not be read (broken compression or connection).')))
        body.on('end', () => resolve({ status, contentType: String(response.headers['content-type'] ?? ''), bytes: Buffer.concat(chunks) }))
      }
    )
    request.setTimeout(remaining, () => request.destroy(new TimeoutError()))
    const timer = setTimeout(() => request.destroy(new TimeoutError()), remaining)
    request.on('close', () => clearTimeout(timer))
    request.on('error', (error: Error & { code?: string }) => {
      if (error instanceof UserFacingError) return reject(error)
      if (error instanceof TimeoutError) return reject(new UserFacingError(`The page did not answer within ${Math.round(timeoutMs() / 1000)} seconds.`))
      if (error.code === 'E_PRIVATE_ADDRESS') return reject(new UserFacingError('That address is on a private network; only public web pages can be added.'))
      if (error.code === 'ENOTFOUND') return reject(new UserFacingError(`The host “${url.hostname}” does not exist.`))
      reject(new UserFacingError(`The page could not be fetched (${error.code ?? 'connection error'}).`))
    })
    request.end()
  })
}

class TimeoutError extends Error {}

export async function fetchDocument(input: string): Promise<FetchedDocument> {
  let url = assertFetchableUrl(input)
  const deadline = Date.now() + timeoutMs()
  const visited = new Set<string>()
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (visited.has(url.href)) throw new UserFacingError('The page redirects in a loop.')
    visited.add(url.href)
    const result = await requestOnce(url, deadline)
    if (result.location) {
      url = assertFetchableUrl(new URL(result.location, url).href)
      continue
    }
    if (result.status >= 400) throw new UserFacingError(`The page answered HTTP ${result.status}.`)
    return { url: url.href, contentType: result.contentType, bytes: result.bytes }
  }
  throw new UserFacingError(`The page redirects more than ${MAX_REDIRECTS} times.`)
}
