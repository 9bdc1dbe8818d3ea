/**
 * Checks custom-field values against the workspace's definitions. Every
 * refusal is a 422 that names the field, e.g. "Order number must be a number."
 */
import { DateTime } from 'luxon'
import { UserFacingError } from '#core/errors'
import type CustomField from '#helpdesk/models/custom_field'
import type { CustomValues } from '#helpdesk/models/ticket'

type Value = CustomValues[string]

function refuse(field: CustomField, message: string): never {
  throw new UserFacingError(`${field.label} ${message}`, `customValues.${field.key}`)
}

function isBlank(value: unknown) {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
}

export function coerceCustomValue(field: CustomField, raw: unknown): Value {
  if (isBlank(raw)) return null
  switch (field.type) {
    case 'text': {
      if (typeof raw !== 'string' && typeof raw !== 'number') refuse(field, 'must be text.')
      const text = String(raw).trim()
      if (text.length > 1000) refuse(field, 'must be at most 1000 characters.')
      return text || null
    }
    case 'number': {
      const number = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN
      if (!Number.isFinite(number)) refuse(field, 'must be a number.')
      return number
    }
    case 'date': {
      const date = typeof raw === 'string' ? DateTime.fromISO(raw.trim()) : null
      if (!date?.isValid || !/^\d{4}-\d{2}-\d{2}/.test(String(raw).trim())) refuse(field, 'must be a date (YYYY-MM-DD).')
      return date.toISODate()
    }
    case 'select': {
      if (typeof raw !== 'string' || !(field.options ?? []).includes(raw)) {
        refuse(field, `must be one of: ${(field.options ?? []).join(', ')}.`)
      }
      return raw
    }
    case 'multi_select': {
      const values = Array.isArray(raw) ? raw : [raw]
      const options = field.options ?? []
      const unknown = values.filter((value) => typeof value !== 'string' || !options.includes(value))
      if (unknown.length > 0) refuse(field, `accepts only: ${options.join(', ')}.`)
      return [...new Set(values as string[])]
    }
    case 'checkbox': {
      if (typeof raw === 'boolean') return raw
      if (['true', '1', 'on', 'yes'].includes(String(raw).toLowerCase())) return true
      if (['false', '0', 'off', 'no'].includes(String(raw).toLowerCase())) return false
      refuse(field, 'must be checked or unchecked.')
    }
  }
}

/**
 * Merges `changes` into `current`, checking each value. Unknown keys are
 * refused (a field may have been deleted meanwhile).
 */
export function applyCustomValues(fields: CustomField[], current: CustomValues | null, changes: Record<string, unknown>): CustomValues {
  const byKey = new Map(fields.map((field) => [field.key, field]))
  const next: CustomValues = { ...(current ?? {}) }
  for (const [key, raw] of Object.entries(changes)) {
    const field = byKey.get(key)
    if (!field) throw new UserFacingError(`There is no custom field “${key}” in this workspace.`, `customValues.${key}`)
    const value = coerceCustomValue(field, raw)
    if (value === null) delete next[key]
    else next[key] = value
  }
  return next
}

/** Required fields must have a value before a ticket is resolved. */
export function assertRequiredValues(fields: CustomField[], values: CustomValues | null) {
  for (const field of fields) {
    if (field.required && isBlank(values?.[field.key])) refuse(field, 'is required before the ticket can be resolved.')
  }
}
