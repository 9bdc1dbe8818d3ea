import vine from '@vinejs/vine'

const email = () => vine.string().trim().maxLength(254).email()
/** NIST 800-63B: length over composition rules. */
const newPassword = () => vine.string().minLength(10).maxLength(128)

export const signupValidator = vine.create({
  fullName: vine.string().trim().minLength(1).maxLength(120),
  email: email(),
  password: newPassword().confirmed({ confirmationField: 'passwordConfirmation' }),
  invitationToken: vine.string().maxLength(100).optional(),
})

export const loginValidator = vine.create({
  email: email(),
  password: vine.string().maxLength(128),
})

export const twoFactorChallengeValidator = vine.create({
  code: vine.string().trim().maxLength(12).optional().requiredIfMissing('recoveryCode'),
  recoveryCode: vine.string().trim().maxLength(32).optional(),
})

export const forgotPasswordValidator = vine.create({ email: email() })

export const resetPasswordValidator = vine.create({
  token: vine.string().maxLength(100),
  password: newPassword().confirmed({ confirmationField: 'passwordConfirmation' }),
})

export const profileValidator = vine.create({
  fullName: vine.string().trim().minLength(1).maxLength(120),
})

export const changePasswordValidator = vine.create({
  currentPassword: vine.string().maxLength(128),
  password: newPassword().confirmed({ confirmationField: 'passwordConfirmation' }),
})

export const twoFactorCodeValidator = vine.create({
  code: vine.string().trim().maxLength(12),
})

export const passwordConfirmationValidator = vine.create({
  currentPassword: vine.string().maxLength(128),
})
