import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import nodemailer from 'nodemailer'
import app from '@adonisjs/core/services/app'
import { MailResponse } from '@adonisjs/mail'
import type { MailTransportContract, NodeMailerMessage } from '@adonisjs/mail/types'

/**
 * Development-only mail transport: with no SMTP server configured, messages
 * are written as .eml files under storage/dev-mailbox and listed at
 * /dev/mailbox. Never used in production or tests.
 */
export function devMailboxDir() {
  return app.makePath('storage', 'dev-mailbox')
}

export class DevMailboxTransport implements MailTransportContract {
  async send(message: NodeMailerMessage) {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
    const info = await transport.sendMail(message)
    const dir = devMailboxDir()
    await mkdir(dir, { recursive: true })
    const fileName = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}.eml`
    await writeFile(join(dir, fileName), info.message as Buffer)
    return new MailResponse(info.messageId, info.envelope, info)
  }
}

export async function listDevMailbox() {
  const dir = devMailboxDir()
  let files: string[] = []
  try {
    files = (await readdir(dir)).filter((file) => file.endsWith('.eml'))
  } catch {
    return []
  }
  return files.sort().reverse()
}

export async function readDevMail(fileName: string) {
  if (!/^[\w-]+\.eml$/.test(fileName)) return null
  try {
    return await readFile(join(devMailboxDir(), fileName))
  } catch {
    return null
  }
}
