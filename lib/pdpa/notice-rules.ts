// What a consent notice text must hold before customers are shown it. Pure, so the settings
// form can check as the owner types and the server checks again on save.

// WhatsApp allows 1,024 characters in a message with reply buttons; the rest is left for the
// customer's name and the brand.
export const NOTICE_MAX_LENGTH = 900;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set(['name', 'brand']);

// Stored and compared in one form, so a re-save of the same words is not a new version.
export function normalizeNotice(body: string): string {
  return body.replace(/\r\n?/g, '\n').trim();
}

// Why this notice text cannot be used, or null.
export function noticeProblem(body: string): string | null {
  const text = normalizeNotice(body);
  if (!text) return 'Write the notice.';
  if (text.length > NOTICE_MAX_LENGTH) return `Keep the notice under ${NOTICE_MAX_LENGTH} characters (it is ${text.length}); WhatsApp caps a message with reply buttons at 1,024.`;
  const unknown = [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').filter((key) => !KNOWN.has(key));
  if (unknown.length > 0) return `Only {{name}} and {{brand}} are filled in; {{${unknown[0]}}} would reach the customer as written.`;
  // PDPA s.7: the notice says who is collecting the data.
  if (![...text.matchAll(PLACEHOLDER)].some((m) => m[1] === 'brand')) return 'Include {{brand}}, so the customer knows who is asking (PDPA s.7).';
  // s.38: the customer is told how to withdraw; STOP is the word Sembang listens for.
  if (!/\bSTOP\b/i.test(text)) return 'Tell the customer they can type STOP to opt out at any time (PDPA s.38).';
  return null;
}
