import type http from 'node:http'

/** Listens on the preferred port, or on a free one when another test run holds it (read the port back from the server). */
export async function listenOnPreferredPort(server: http.Server, port: number) {
  const listen = (candidate: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(candidate, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
  try {
    await listen(port)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    await listen(0)
  }
}
