import TransactionalMail from '#identity/mails/transactional_mail'

export function verifyEmailMail(to: string, name: string, url: string) {
  return new TransactionalMail(to, 'Confirm your email address for Vaultdesk', {
    heading: `Welcome to Vaultdesk, ${name}`,
    paragraphs: ['Confirm that this is your email address to finish creating your account.'],
    action: { label: 'Confirm email address', url },
    footnote: 'The link works once and expires in 24 hours. If you did not sign up, ignore this message.',
  })
}

export function passwordResetMail(to: string, url: string) {
  return new TransactionalMail(to, 'Reset your Vaultdesk password', {
    heading: 'Reset your password',
    paragraphs: ['Someone asked to reset the password of the Vaultdesk account for this address.'],
    action: { label: 'Choose a new password', url },
    footnote: 'The link works once and expires in 1 hour. If you did not ask for it, ignore this message: your password stays as it is.',
  })
}

export function invitationMail(to: string, inviterName: string, workspaceName: string, role: string, url: string) {
  return new TransactionalMail(to, `${inviterName} invited you to ${workspaceName} on Vaultdesk`, {
    heading: `Join ${workspaceName} on Vaultdesk`,
    paragraphs: [`${inviterName} invited you to join the workspace ${workspaceName} as ${role}.`],
    action: { label: 'Accept invitation', url },
    footnote: 'The invitation expires in 7 days.',
  })
}
