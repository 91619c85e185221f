import { normalizeReply } from '@/lib/automation/reply-text';
import type { customerLanguages } from '../correction';

type Language = (typeof customerLanguages)[number];

const languageWords: Readonly<Record<string, Language>> = {
  MS: 'ms',
  BM: 'ms',
  MALAY: 'ms',
  MELAYU: 'ms',
  'BAHASA MELAYU': 'ms',
  'BAHASA MALAYSIA': 'ms',
  EN: 'en',
  ENGLISH: 'en',
  'BAHASA INGGERIS': 'en',
  INGGERIS: 'en',
  ZH: 'zh',
  CHINESE: 'zh',
  MANDARIN: 'zh',
  CINA: 'zh',
  中文: 'zh',
  华语: 'zh',
};

export function parseLanguage(input: string): Language | null {
  return languageWords[normalizeReply(input)] ?? null;
}

export type ImportedConsent = 'granted' | 'withdrawn';

// A consent column as spreadsheets hold it. A decline and a withdrawal are both "no marketing".
const consentWords: Readonly<Record<string, ImportedConsent>> = {
  GRANTED: 'granted',
  YES: 'granted',
  Y: 'granted',
  YA: 'granted',
  SETUJU: 'granted',
  TRUE: 'granted',
  '1': 'granted',
  'OPT IN': 'granted',
  'OPTED IN': 'granted',
  SUBSCRIBED: 'granted',
  WITHDRAWN: 'withdrawn',
  DECLINED: 'withdrawn',
  NO: 'withdrawn',
  N: 'withdrawn',
  TIDAK: 'withdrawn',
  TAK: 'withdrawn',
  FALSE: 'withdrawn',
  '0': 'withdrawn',
  'OPT OUT': 'withdrawn',
  'OPTED OUT': 'withdrawn',
  UNSUBSCRIBED: 'withdrawn',
  STOP: 'withdrawn',
};

export function parseConsentAnswer(input: string): ImportedConsent | null {
  return consentWords[normalizeReply(input)] ?? null;
}
