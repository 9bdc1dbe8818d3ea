import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { addBusinessDays, computeDeadlines, daysLeft } from '#privacy/services/deadlines'

test.group('Privacy deadlines', () => {
  test('GDPR: one calendar month, ending at the end of the local day; extension up to two more months', ({ assert }) => {
    const received = DateTime.fromISO('2026-01-31T23:30:00', { zone: 'Europe/Berlin' })
    const deadlines = computeDeadlines('gdpr', received, 'Europe/Berlin', 90)
    assert.equal(deadlines.legalDueAt.toISO(), '2026-02-28T23:59:59.999+01:00')
    assert.equal(deadlines.dueAt.toISO(), deadlines.legalDueAt.toISO())
    assert.equal(deadlines.maxExtendedDueAt.toISODate(), '2026-04-28')
    assert.isNull(deadlines.acknowledgeBy)
  })

  test('the workspace target applies when stricter than the law', ({ assert }) => {
    const received = DateTime.fromISO('2026-03-01T10:00:00Z')
    const deadlines = computeDeadlines('gdpr', received, 'UTC', 14)
    assert.equal(deadlines.dueAt.toISODate(), '2026-03-15')
    assert.equal(deadlines.legalDueAt.toISODate(), '2026-04-01')
  })

  test('the local day is the workspace’s: a request at 23:30 UTC counts from the next day in Tokyo', ({ assert }) => {
    const received = DateTime.fromISO('2026-05-10T23:30:00Z')
    assert.equal(computeDeadlines('ccpa', received, 'Asia/Tokyo', 90).legalDueAt.toISODate(), '2026-06-25')
    assert.equal(computeDeadlines('ccpa', received, 'America/Los_Angeles', 90).legalDueAt.toISODate(), '2026-06-24')
  })

  test('CCPA: acknowledge within 10 business days, respond in 45 days, extend by 45', ({ assert }) => {
    const friday = DateTime.fromISO('2026-01-02T09:00:00', { zone: 'America/Los_Angeles' })
    const deadlines = computeDeadlines('ccpa', friday, 'America/Los_Angeles', 90)
    assert.equal(deadlines.acknowledgeBy!.toISODate(), '2026-01-16')
    assert.equal(deadlines.legalDueAt.toISODate(), '2026-02-16')
    assert.equal(deadlines.maxExtendedDueAt.toISODate(), '2026-04-02')
  })

  test('business days skip weekends; days left go negative when overdue', ({ assert }) => {
    assert.equal(addBusinessDays(DateTime.fromISO('2026-01-09'), 1).toISODate(), '2026-01-12')
    const now = DateTime.fromISO('2026-01-10T12:00:00Z')
    assert.equal(daysLeft(DateTime.fromISO('2026-01-12T23:59:59Z'), 'UTC', now), 2)
    assert.equal(daysLeft(DateTime.fromISO('2026-01-08T23:59:59Z'), 'UTC', now), -2)
  })

  test('an unknown time zone falls back to UTC rather than failing', ({ assert }) => {
    const deadlines = computeDeadlines('gdpr', DateTime.fromISO('2026-01-15T12:00:00Z'), 'Not/AZone', 30)
    assert.isTrue(deadlines.dueAt.isValid)
  })
})
