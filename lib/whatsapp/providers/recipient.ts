import type { Recipient } from '@/lib/whatsapp/types';
import { invalidRequest } from './errors';

// The customer's WhatsApp number as the APIs want it: digits only, no '+'. The wa_id comes
// first because it is the number WhatsApp itself reported.
export function phoneDigits(to: Recipient): string | null {
  const raw = to.waId ?? to.phone;
  if (!raw) return null;
  const digits = raw.replace(/[\s().+-]/g, '');
  if (!/^\d{5,15}$/.test(digits)) throw invalidRequest('The customer’s WhatsApp number is not a valid phone number.');
  return digits;
}

// Cloud API addressing: `to` takes a phone number; `recipient` takes a business-scoped user ID
// (BSUID) for customers who hide their number behind a username. Meta gives `to` precedence
// when both are present, so only one is sent.
export function cloudRecipient(to: Recipient): { to: string } | { recipient: string } {
  const digits = phoneDigits(to);
  if (digits) return { to: digits };
  if (to.userId) return { recipient: to.userId };
  throw invalidRequest('The customer has no WhatsApp number or user ID to send to.');
}
