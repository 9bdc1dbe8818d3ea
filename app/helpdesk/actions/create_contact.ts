import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { UserFacingError } from '#core/errors'
import Contact, { type ContactTraits } from '#helpdesk/models/contact'
import ContactExternalId from '#helpdesk/models/contact_external_id'
import { findContactByEmail, findContactByExternalId } from '#helpdesk/services/contact_lookup'
import { inTransaction } from '#helpdesk/services/transactions'

export interface ExternalIdInput {
  system: string
  value: string
}

export interface ContactInput {
  name?: string | null
  email?: string | null
  phone?: string | null
  traits?: Record<string, unknown> | null
  externalIds?: ExternalIdInput[]
}

/** Refuses an email or external id another contact of the workspace already has. */
export async function assertContactIdentifiersFree(
  trx: TransactionClientContract,
  workspaceId: string,
  input: ContactInput,
  exceptContactId?: string
) {
  if (input.email) {
    const existing = await findContactByEmail(workspaceId, input.email, trx)
    if (existing && existing.id !== exceptContactId) {
      throw new UserFacingError('Another contact already has this email address. Merge the two contacts instead.', 'email')
    }
  }
  for (const externalId of input.externalIds ?? []) {
    const existing = await findContactByExternalId(workspaceId, externalId, trx)
    if (existing && existing.id !== exceptContactId) {
      throw new UserFacingError(`Another contact already has the ${externalId.system} id ${externalId.value}.`, 'externalIds')
    }
  }
}

export const MAX_TRAITS = 50

/** Traits are a flat record of short keys and plain values (text, number, yes/no). */
export function cleanTraits(traits: Record<string, unknown> | null | undefined): ContactTraits | null {
  if (!traits) return null
  const entries = Object.entries(traits).filter(([key]) => key.trim())
  if (entries.length > MAX_TRAITS) throw new UserFacingError(`A contact can have at most ${MAX_TRAITS} traits.`, 'traits')
  const clean: ContactTraits = {}
  for (const [key, value] of entries) {
    if (key.length > 50) throw new UserFacingError(`Trait names can be at most 50 characters (“${key.slice(0, 20)}…”).`, 'traits')
    const isPlain = value === null || ['string', 'number', 'boolean'].includes(typeof value)
    if (!isPlain) throw new UserFacingError(`The trait “${key}” must be text, a number or yes/no.`, 'traits')
    if (typeof value === 'string' && value.length > 500) throw new UserFacingError(`The trait “${key}” can be at most 500 characters.`, 'traits')
    clean[key.trim()] = value as ContactTraits[string]
  }
  return Object.keys(clean).length > 0 ? clean : null
}

export type CleanContactInput = Omit<ContactInput, 'traits'> & { traits: ContactTraits | null }

export function cleanContactInput(input: ContactInput): CleanContactInput {
  const clean = (value: string | null | undefined) => (typeof value === 'string' && value.trim() ? value.trim() : null)
  return {
    name: clean(input.name),
    email: clean(input.email),
    phone: clean(input.phone),
    traits: cleanTraits(input.traits),
    externalIds: (input.externalIds ?? [])
      .map((externalId) => ({ system: externalId.system.trim().toLowerCase(), value: externalId.value.trim() }))
      .filter((externalId) => externalId.system && externalId.value),
  }
}

/** Creates a contact; its personal values are sealed with its own new key. */
export default class CreateContact {
  async handle(workspaceId: string, input: ContactInput, trx?: TransactionClientContract): Promise<Contact> {
    const values = cleanContactInput(input)
    if (!values.name && !values.email && !values.phone) {
      throw new UserFacingError('Give the contact at least a name, an email address or a phone number.', 'name')
    }
    return inTransaction(trx, async (client) => {
      await assertContactIdentifiersFree(client, workspaceId, values)
      const contact = await Contact.create(
        { workspaceId, name: values.name, email: values.email, phone: values.phone, traits: values.traits, processingRestrictedAt: null },
        { client }
      )
      for (const externalId of values.externalIds ?? []) {
        await ContactExternalId.create({ workspaceId, contactId: contact.id, ...externalId }, { client })
      }
      return contact
    })
  }
}
