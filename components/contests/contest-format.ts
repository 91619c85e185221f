import type { ContestJson } from '@/lib/contests/contests';
import { formatRinggit } from '@/lib/purchases/money';

const myt = new Intl.DateTimeFormat('en-MY', { timeZone: 'Asia/Kuala_Lumpur', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' });

// "1 Apr 2026, 12:00 am" — contest times are always shown in Malaysian time.
export function formatMyt(iso: string): string {
  return myt.format(new Date(iso));
}

export function entryMethodLabel(method: ContestJson['entryMethod']): string {
  if (method.type === 'keyword') return `Keyword “${method.keyword.toUpperCase()}”`;
  if (method.type === 'receipt') return `Receipt of ${formatRinggit(method.minSpend)} or more`;
  return 'Any message';
}
