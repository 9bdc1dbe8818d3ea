/**
 * A local DNS server (UDP, RFC 1035 wire format) answering TXT queries from
 * an in-memory zone, so node:dns's Resolver is tested for real: point
 * HELP_CENTER_DNS_SERVERS at `fakeDns.server`. Unknown names answer NXDOMAIN,
 * known names without TXT records answer with no data.
 */
import dgram from 'node:dgram'
import type { AddressInfo } from 'node:net'

export class FakeDns {
  /** name (lowercase, no trailing dot) → TXT values */
  txt = new Map<string, string[]>()
  queries: { name: string; type: number }[] = []
  #socket?: dgram.Socket

  get server() {
    return `127.0.0.1:${(this.#socket!.address() as AddressInfo).port}`
  }

  reset() {
    this.txt.clear()
    this.queries = []
  }

  async start() {
    this.#socket = dgram.createSocket('udp4')
    this.#socket.on('message', (query, remote) => {
      const response = this.#answer(query)
      if (response) this.#socket!.send(response, remote.port, remote.address)
    })
    await new Promise<void>((resolve) => this.#socket!.bind(0, '127.0.0.1', () => resolve()))
    this.#socket.unref()
    return this
  }

  async stop() {
    await new Promise<void>((resolve) => (this.#socket ? this.#socket.close(() => resolve()) : resolve()))
  }

  #answer(query: Buffer) {
    if (query.length < 12) return null
    let offset = 12
    const labels: string[] = []
    while (offset < query.length && query[offset] !== 0) {
      const length = query[offset]
      labels.push(query.subarray(offset + 1, offset + 1 + length).toString('ascii'))
      offset += length + 1
    }
    const questionEnd = offset + 5
    const type = query.readUInt16BE(offset + 1)
    const name = labels.join('.').toLowerCase()
    this.queries.push({ name, type })
    const values = this.txt.get(name)
    const answers = values && type === 16 ? values : []
    const header = Buffer.alloc(12)
    query.copy(header, 0, 0, 2)
    header.writeUInt16BE(values ? 0x8180 : 0x8183, 2)
    header.writeUInt16BE(1, 4)
    header.writeUInt16BE(answers.length, 6)
    const records = answers.map((value) => {
      const chunks: Buffer[] = []
      for (let start = 0; start < value.length || start === 0; start += 255) {
        const text = Buffer.from(value.slice(start, start + 255), 'utf8')
        chunks.push(Buffer.concat([Buffer.from([text.length]), text]))
        if (!value.length) break
      }
      const rdata = Buffer.concat(chunks)
      const fixed = Buffer.alloc(12)
      fixed.writeUInt16BE(0xc00c, 0)
      fixed.writeUInt16BE(16, 2)
      fixed.writeUInt16BE(1, 4)
      fixed.writeUInt32BE(60, 6)
      fixed.writeUInt16BE(rdata.length, 10)
      return Buffer.concat([fixed, rdata])
    })
    return Buffer.concat([header, query.subarray(12, questionEnd), ...records])
  }
}
