/**
 * Masks personal data before text goes to the AI provider: email addresses,
 * card numbers (13–19 digits passing the Luhn check), phone numbers and the
 * contact's name. A workspace can turn it off (AI settings); it is on by default.
 */
export interface RedactionContext {
  names?: (string | null | undefined)[]
  emails?: (string | null | undefined)[]
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu
const DIGIT_RUN = /(?<![\p{L}\p{N}])\+?\d[\d\s().-]{5,}\d(?![\p{L}\p{N}])/gu

export function passesLuhn(digits: string) {
  let sum = 0
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function redact(text: string, context: RedactionContext = {}) {
  let result = text.replace(EMAIL, '[email]')
  for (const email of context.emails ?? []) if (email) result = result.split(email).join('[email]')
  result = result.replace(DIGIT_RUN, (match) => {
    const digits = match.replace(/\D/g, '')
    if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) return '[card number]'
    // Dates and short numbers (order #12345) are not phone numbers.
    if (digits.length >= 7 && digits.length <= 15 && !/^\d{4}-\d{2}-\d{2}$/.test(match.trim())) return '[phone]'
    return match
  })
  const nameParts = new Set<string>()
  for (const name of context.names ?? []) {
    if (!name) continue
    nameParts.add(name.trim())
    for (const part of name.split(/\s+/)) if (part.length >= 2) nameParts.add(part)
  }
  // Longest first, so "Clara Customer" becomes one [name], not "[name] [name]".
  for (const part of [...nameParts].sort((a, b) => b.length - a.length)) {
    result = result.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(part)}(?![\\p{L}\\p{N}])`, 'giu'), '[name]')
  }
  return result.replace(/\[name\](\s+\[name\])+/g, '[name]')
}
