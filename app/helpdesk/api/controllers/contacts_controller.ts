import type { HttpContext } from '@adonisjs/core/http'
import { apiAnswer } from '#helpdesk/api/services/api_responses'
import Contact from '#helpdesk/models/contact'
import ContactExternalId from '#helpdesk/models/contact_external_id'
import CreateContact from '#helpdesk/actions/create_contact'
import UpdateContact from '#helpdesk/actions/update_contact'
import ListContacts from '#helpdesk/actions/list_contacts'
import { findInWorkspace } from '#helpdesk/services/records'
import { contactJson, pageMeta } from '#helpdesk/api/presenters/api_resources'
import { createContactValidator, listContactsValidator, updateContactValidator } from '#helpdesk/api/validators/api_resources'

const externalIdsOf = (input: { external_ids?: { system: string; value: string }[] }) => input.external_ids

/** /api/v1/contacts: the same actions as the contact pages. */
export default class ApiContactsController {
  async index(ctx: HttpContext) {
    const { request, workspace } = ctx
    return apiAnswer(ctx, async () => {
      const input = await request.validateUsing(listContactsValidator, { data: request.qs() })
      const page = await new ListContacts().handle(workspace!.id, { q: input.q }, input.page ?? 1, input.per_page ?? 25)
      const contacts = page.all() as Contact[]
      const ids = contacts.map((contact) => contact.id)
      const links = ids.length ? await ContactExternalId.query().where('workspace_id', workspace!.id).whereIn('contact_id', ids).orderBy('created_at') : []
      return {
        data: contacts.map((contact) => contactJson(contact, links.filter((link) => link.contactId === contact.id))),
        meta: pageMeta(page),
      }
    })
  }

  async store(ctx: HttpContext) {
    const { request, response, workspace } = ctx
    return apiAnswer(ctx, async () => {
      const input = await request.validateUsing(createContactValidator)
      const contact = await new CreateContact().handle(workspace!.id, { ...input, externalIds: externalIdsOf(input) })
      await contact.load('externalIds')
      return response.created({ data: contactJson(contact) })
    })
  }

  async show(ctx: HttpContext) {
    const { params, workspace } = ctx
    return apiAnswer(ctx, async () => {
      const contact = await findInWorkspace(Contact, workspace!.id, params.id, { label: 'Contact' })
      await contact.load('externalIds')
      return { data: contactJson(contact) }
    })
  }

  /** Partial update: fields left out keep their value; `external_ids`, when given, replaces the list. */
  async update(ctx: HttpContext) {
    const { request, params, workspace } = ctx
    return apiAnswer(ctx, async () => {
      const current = await findInWorkspace(Contact, workspace!.id, params.id, { label: 'Contact' })
      const input = await request.validateUsing(updateContactValidator)
      const contact = await new UpdateContact().handle(workspace!.id, current.id, {
        name: input.name === undefined ? current.name : input.name,
        email: input.email === undefined ? current.email : input.email,
        phone: input.phone === undefined ? current.phone : input.phone,
        traits: input.traits === undefined ? current.traits : input.traits,
        externalIds: externalIdsOf(input),
      })
      await contact.load('externalIds')
      return { data: contactJson(contact) }
    })
  }
}
