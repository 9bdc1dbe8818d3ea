import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { UserFacingError } from '#core/errors'
import Contact from '#helpdesk/models/contact'
import ContactExternalId from '#helpdesk/models/contact_external_id'
import { assertContactIdentifiersFree, cleanContactInput, type ContactInput } from '#helpdesk/actions/create_contact'
import { inTransaction } from '#helpdesk/services/transactions'
import { findInWorkspace } from '#helpdesk/services/records'

/** Updates a contact's details; `externalIds`, when given, replaces the list. */
export default class UpdateContact {
  async handle(workspaceId: string, contactId: string, input: ContactInput, trx?: TransactionClientContract): Promise<Contact> {
    const values = cleanContactInput(input)
    if (!values.name && !values.email && !values.phone) {
      throw new UserFacingError('Give the contact at least a name, an email address or a phone number.', 'name')
    }
    return inTransaction(trx, async (client) => {
      const contact = await findInWorkspace(Contact, workspaceId, contactId, { label: 'Contact', client, forUpdate: true })
      contact.useTransaction(client)
      await assertContactIdentifiersFree(client, workspaceId, values, contact.id)
      contact.merge({ name: values.name, email: values.email, phone: values.phone, traits: values.traits })
      await contact.save()
      if (input.externalIds) {
        await ContactExternalId.query({ client }).where('workspace_id', workspaceId).where('contact_id', contact.id).delete()
        for (const externalId of values.externalIds ?? []) {
          await ContactExternalId.create({ workspaceId, contactId: contact.id, ...externalId }, { client })
        }
      }
      return contact
    })
  }
}
