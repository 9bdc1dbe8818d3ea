import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { GoneError, UserFacingError } from '#core/errors'
import { findSurveyByToken } from '#helpdesk/actions/record_csat_rating'

export const CSAT_COMMENT_WINDOW_HOURS = 24
export const MAX_CSAT_COMMENT_LENGTH = 2000

/** The optional comment after a rating: once, within a day of rating, through the same link token. */
export default class AddCsatComment {
  async handle(token: string, comment: string) {
    const text = (comment ?? '').trim()
    if (!text) throw new UserFacingError('Write a comment first, or simply close this page.', 'comment')
    if (text.length > MAX_CSAT_COMMENT_LENGTH) {
      throw new UserFacingError(`Comments can be at most ${MAX_CSAT_COMMENT_LENGTH} characters.`, 'comment')
    }
    return db.transaction(async (trx) => {
      const survey = await findSurveyByToken(token, trx)
      if (!survey.ratedAt) throw new UserFacingError('Choose a score first.', 'comment')
      if (survey.commentedAt) throw new GoneError('You already added a comment. Thank you!')
      if (survey.ratedAt.plus({ hours: CSAT_COMMENT_WINDOW_HOURS }) < DateTime.now()) {
        throw new GoneError('Comments can be added within a day of rating.')
      }
      survey.useTransaction(trx)
      survey.merge({ comment: text, commentedAt: DateTime.now() })
      await survey.save()
      return survey
    })
  }
}
