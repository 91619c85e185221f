import { parsePhoneNumberFromString } from 'libphonenumber-js';

// E.164 for a WhatsApp id (digits with country code, no '+') or anything a person typed;
// numbers without a country code are read as Malaysian. Null when it is not a valid number.
export function toE164(input: string | null | undefined): string | null {
  if (!input) return null;
  const trimmed = input.trim();
  const digitsOnly = /^\d{8,15}$/.test(trimmed) && !trimmed.startsWith('0');
  const parsed = parsePhoneNumberFromString(digitsOnly ? `+${trimmed}` : trimmed, 'MY');
  return parsed?.isValid() ? parsed.number : null;
}

// "Customer 1234" for someone without a WhatsApp profile name.
export function fallbackCustomerName(phone: string | null, waId: string | null, userId: string | null): string {
  const digits = (phone ?? waId ?? '').replace(/\D/g, '');
  if (digits.length >= 4) return `Customer ${digits.slice(-4)}`;
  return `Customer ${(userId ?? '????').slice(-4)}`;
}
