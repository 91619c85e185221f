import { normalizeReply, replyWords } from '@/lib/automation/reply-text';

export type ReplyLanguage = 'ms' | 'en';
export type ConsentIntent = 'grant' | 'decline' | 'withdraw';

export interface ConsentReply {
  intent: ConsentIntent;
  // What the evidence records: the word or the button's title, e.g. 'YA', 'STOP'.
  keyword: string;
  // Null for words both languages use (OK, STOP, START): the reply falls back to the
  // customer's language.
  language: ReplyLanguage | null;
  // An answer counts only while the notice is pending; a command (STOP, BERHENTI, START)
  // counts at any time.
  kind: 'answer' | 'command';
}

const answer = (intent: ConsentIntent, keyword: string, language: ReplyLanguage | null): ConsentReply => ({ intent, keyword, language, kind: 'answer' });
const command = (intent: ConsentIntent, keyword: string, language: ReplyLanguage | null): ConsentReply => ({ intent, keyword, language, kind: 'command' });

// The seed's answers. The whole (normalised) message must be the answer, so "ok where is my
// order" and "no problem" stay normal messages.
const answers: Readonly<Record<string, ConsentReply>> = {
  YES: answer('grant', 'YES', 'en'),
  YA: answer('grant', 'YA', 'ms'),
  SETUJU: answer('grant', 'SETUJU', 'ms'),
  OK: answer('grant', 'OK', null),
  NO: answer('decline', 'NO', 'en'),
  NOPE: answer('decline', 'NOPE', 'en'),
  TAK: answer('decline', 'TAK', 'ms'),
  TDK: answer('decline', 'TDK', 'ms'),
  TIDAK: answer('decline', 'TIDAK', 'ms'),
  BATAL: answer('decline', 'BATAL', 'ms'),
};

const withdrawWords: Readonly<Record<string, ReplyLanguage | null>> = { STOP: null, BERHENTI: 'ms' };

// Typed text. STOP and BERHENTI withdraw wherever they stand as whole words ("please stop",
// "STOP!"), and win over anything else in the message: when in doubt, no marketing. START
// grants as a whole word too, but not inside a question ("when does the sale start?" is not
// consent). "nonstop", "startup" and "stopper" are other words.
export function parseConsentText(text: string): ConsentReply | null {
  const words = replyWords(text);
  const stop = words.find((w) => Object.hasOwn(withdrawWords, w));
  if (stop) return command('withdraw', stop, withdrawWords[stop] ?? null);
  const whole = words.join(' ');
  if (Object.hasOwn(answers, whole)) return answers[whole] ?? null;
  if (words.includes('START') && !text.includes('?')) return command('grant', 'START', null);
  return null;
}

// The reply buttons under the notice and the reminder; the id says the answer and language.
export const consentButtons: Readonly<Record<ReplyLanguage, readonly [{ id: string; title: string }, { id: string; title: string }]>> = {
  ms: [
    { id: 'consent.yes.ms', title: 'YA' },
    { id: 'consent.no.ms', title: 'TIDAK' },
  ],
  en: [
    { id: 'consent.yes.en', title: 'YES' },
    { id: 'consent.no.en', title: 'NO' },
  ],
};

export function parseConsentButton(id: string): ConsentReply | null {
  for (const language of ['ms', 'en'] as const) {
    const [yes, no] = consentButtons[language];
    if (id === yes.id) return answer('grant', yes.title, language);
    if (id === no.id) return answer('decline', no.title, language);
  }
  return null;
}

// Meta's marketing opt-out quick reply on marketing templates ("Stop promotions"; a BM
// template may word it in Malay). Tapping it withdraws at once.
const optOutButtons: Readonly<Record<string, ReplyLanguage>> = {
  'STOP PROMOTIONS': 'en',
  'HENTIKAN PROMOSI': 'ms',
  'HENTI PROMOSI': 'ms',
};

// A template's quick-reply button (Meta's `button` message): its payload and its text.
export function parseQuickReply(payload: string | null, text: string | null): ConsentReply | null {
  for (const value of [payload, text]) {
    const normalized = value ? normalizeReply(value) : '';
    const language = optOutButtons[normalized];
    if (language) return command('withdraw', normalized, language);
  }
  return parseConsentText(text ?? payload ?? '');
}
