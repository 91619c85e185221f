import { normalizeReply } from '@/lib/automation/reply-text';
import { parseConsentText } from '@/lib/consent/keywords';

// Contest keywords are compared like consent replies (case, punctuation, emoji and width forms
// do not matter) and also without spaces, so "masuk raya", "MASUK  RAYA!", "#MasukRaya" and
// "masuk-raya" all enter a contest whose keyword is MASUK RAYA.

// As stored in contests.keyword: upper case, single spaces.
export function normalizeKeyword(keyword: string): string {
  return normalizeReply(keyword);
}

export function compactKeyword(text: string): string {
  return normalizeReply(text).replaceAll(' ', '');
}

// Why a keyword cannot be used, or null. A keyword that is also a consent word would be read
// as consent (the consent step runs first), so it could never enter anyone.
export function keywordProblem(keyword: string): string | null {
  const normalized = normalizeKeyword(keyword);
  if (normalized === '') return 'Use letters or digits in the keyword.';
  if (normalized.length > 40) return 'Use at most 40 letters and digits in the keyword.';
  const consent = parseConsentText(normalized) ?? parseConsentText(compactKeyword(keyword));
  if (consent) return `“${consent.keyword}” is a consent reply (YES/YA/NO/STOP/START…); choose a keyword without it.`;
  return null;
}
