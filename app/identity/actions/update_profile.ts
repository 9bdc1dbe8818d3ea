import type User from '#identity/models/user'

export default class UpdateProfile {
  async handle(user: User, input: { fullName: string }) {
    user.fullName = input.fullName.trim()
    await user.save()
    return user
  }
}
