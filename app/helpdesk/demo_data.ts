/**
 * Demo content for the demo workspace, so the inbox is not empty on
 * `npm start`. Call it once the workspace and its members are committed;
 * it does nothing when the workspace already has contacts.
 */
import { DateTime } from 'luxon'
import { Membership } from '#identity/index'
import Contact from '#helpdesk/models/contact'
import SaveTag from '#helpdesk/actions/save_tag'
import SaveTeam from '#helpdesk/actions/save_team'
import SaveCustomField from '#helpdesk/actions/save_custom_field'
import SaveCannedReply from '#helpdesk/actions/save_canned_reply'
import CreateInboundMessage from '#helpdesk/actions/create_inbound_message'
import AddTicketMessage from '#helpdesk/actions/add_ticket_message'
import UpdateTicket from '#helpdesk/actions/update_ticket'
import CreateIncident from '#helpdesk/actions/create_incident'

export async function seedHelpdeskDemo(workspaceId: string) {
  if (await Contact.query().where('workspace_id', workspaceId).first()) return
  const members = await Membership.query().where('workspace_id', workspaceId).preload('user')
  const agent = members.find((member) => member.role === 'agent') ?? members.find((member) => member.role === 'owner')
  if (!agent) return

  const billing = await new SaveTeam().handle({ workspaceId, name: 'Billing' })
  await new SaveTeam().handle({ workspaceId, name: 'Tier 2' })
  const bug = await new SaveTag().handle({ workspaceId, name: 'bug', color: 'red' })
  const vip = await new SaveTag().handle({ workspaceId, name: 'vip', color: 'grape' })
  await new SaveTag().handle({ workspaceId, name: 'feature request', color: 'blue' })
  const refund = await new SaveTag().handle({ workspaceId, name: 'refund', color: 'orange' })
  await new SaveCustomField().handle({ workspaceId, label: 'Order number', type: 'number' })
  await new SaveCustomField().handle({ workspaceId, label: 'Plan', type: 'select', options: ['Free', 'Pro', 'Enterprise'] })
  await new SaveCannedReply().handle({
    workspaceId,
    actorUserId: agent.userId,
    title: 'Thanks for reaching out',
    body: 'Hi {{contact.name}},\n\nThanks for writing to us about ticket {{ticket.number}}. We are looking into it and will get back to you shortly.\n\nBest,\n{{agent.name}}',
  })
  await new SaveCannedReply().handle({
    workspaceId,
    actorUserId: agent.userId,
    title: 'Refund issued',
    body: 'Hi {{contact.name}},\n\nYour refund is on its way; it usually shows on your statement within 5 business days.\n\n{{agent.name}}',
  })

  const inbound = (from: { email: string; name: string; phone?: string }, subject: string, body: string, channel = 'email') =>
    new CreateInboundMessage().handle({ workspaceId, from, subject, body, channel })

  const login = await inbound(
    { email: 'maria.lopez@example.com', name: 'Maria Lopez', phone: '+34 600 123 456' },
    'Cannot log in since this morning',
    'Hello, since this morning the login page says my password is wrong, but I did not change it. Can you help?'
  )
  await new UpdateTicket().handle({ workspaceId, ticketId: login.ticket.id, actorUserId: agent.userId, changes: { tagIds: [bug.id], priority: 'high' } })

  const invoice = await inbound(
    { email: 'james.okafor@example.com', name: 'James Okafor' },
    'Charged twice for my subscription',
    'Hi, my card was charged twice for the Pro plan this month (order 48213). Please refund one of the charges.'
  )
  await new UpdateTicket().handle({
    workspaceId,
    ticketId: invoice.ticket.id,
    actorUserId: agent.userId,
    changes: { teamId: billing.id, tagIds: [refund.id], assigneeUserId: agent.userId, customValues: { order_number: 48213, plan: 'Pro' } },
  })
  await new AddTicketMessage().handle({
    workspaceId,
    ticketId: invoice.ticket.id,
    authorUserId: agent.userId,
    kind: 'note',
    body: 'Checked the payment provider: two captures on the same day. Refund the second one.',
  })
  await new AddTicketMessage().handle({
    workspaceId,
    ticketId: invoice.ticket.id,
    authorUserId: agent.userId,
    kind: 'outbound',
    body: 'Hi James, sorry about that. I have refunded the duplicate charge; you will see it within 5 business days.',
  })
  await new UpdateTicket().handle({ workspaceId, ticketId: invoice.ticket.id, actorUserId: agent.userId, changes: { status: 'pending' } })

  const export_ = await inbound(
    { email: 'li.wei@example.org', name: 'Li Wei' },
    'Export of all my conversations',
    'Could you tell me how to export all the conversations I had with your team?',
    'chat'
  )
  await new UpdateTicket().handle({ workspaceId, ticketId: export_.ticket.id, actorUserId: agent.userId, changes: { tagIds: [vip.id] } })

  const outage = await inbound(
    { email: 'sam.taylor@example.net', name: 'Sam Taylor' },
    'Dashboard not loading',
    'The dashboard has been spinning for 20 minutes. Is something down?'
  )
  const outage2 = await inbound(
    { email: 'nadia.haddad@example.com', name: 'Nadia Haddad' },
    'Reports page blank',
    'The reports page is blank for our whole team right now.',
    'chat'
  )
  await new CreateIncident().handle({ workspaceId, title: 'Dashboard outage', actorUserId: agent.userId, ticketIds: [outage.ticket.id, outage2.ticket.id] })

  const later = await inbound({ email: 'tom.berg@example.com', name: 'Tom Berg' }, 'Feature idea: dark mode', 'Any plans for a dark mode? My eyes would thank you.', 'web')
  await new UpdateTicket().handle({
    workspaceId,
    ticketId: later.ticket.id,
    actorUserId: agent.userId,
    changes: { status: 'snoozed', snoozedUntil: DateTime.now().plus({ days: 2 }) },
  })
}
