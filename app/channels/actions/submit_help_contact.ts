import { CreateInboundMessage } from '#helpdesk/index'

export interface HelpContactInput {
  name?: string | null
  email: string
  subject?: string | null
  message: string
}

/** The help center's contact form: the visitor's message becomes a ticket (or joins their open one). */
export default class SubmitHelpContact {
  async handle(workspaceId: string, input: HelpContactInput) {
    return new CreateInboundMessage().handle({
      workspaceId,
      from: { email: input.email, name: input.name ?? null },
      subject: input.subject?.trim() || 'Message from the help center',
      body: input.message,
      channel: 'web',
    })
  }
}
