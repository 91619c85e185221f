// PDPA deadlines. Malaysia keeps no daylight saving time, so adding whole hours is exact.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MYT_OFFSET_MS = 8 * HOUR;

// s.31–s.34: an access or correction request is answered within 21 days of receipt.
export const REQUEST_RESPONSE_DAYS = 21;
// 2024 amendment (s.12B): the Commissioner is told of a breach within 72 hours of discovery.
export const BREACH_NOTIFY_HOURS = 72;

export function requestDueAt(receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + REQUEST_RESPONSE_DAYS * DAY);
}

export function breachNotifyBy(discoveredAt: Date): Date {
  return new Date(discoveredAt.getTime() + BREACH_NOTIFY_HOURS * HOUR);
}

export interface Clock {
  overdue: boolean;
  // "5 days", "71 hours", "12 minutes": the time left, or how late it is.
  amount: string;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

// Whole days only from three days out, so the last 72 hours (a breach's whole clock) count
// down in hours.
export function describeClock(due: Date, now: Date): Clock {
  const left = due.getTime() - now.getTime();
  const span = Math.abs(left);
  let amount: string;
  if (span >= 3 * DAY) amount = plural(Math.floor(span / DAY), 'day');
  else if (span >= 2 * HOUR) amount = plural(Math.floor(span / HOUR), 'hour');
  else if (span >= MINUTE) amount = plural(Math.floor(span / MINUTE), 'minute');
  else amount = 'less than a minute';
  return { overdue: left <= 0, amount };
}

// The same moment `months` calendar months earlier (UTC); a day the earlier month lacks becomes
// its last day (31 March − 1 month = 28 or 29 February). Retention cut-offs.
export function monthsBefore(now: Date, months: number): Date {
  const at = new Date(now);
  const day = at.getUTCDate();
  at.setUTCDate(1);
  at.setUTCMonth(at.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
  at.setUTCDate(Math.min(day, lastDay));
  return at;
}

// The Malaysian calendar date of a moment, as YYYY-MM-DD.
export function malaysiaDay(at: Date): string {
  return new Date(at.getTime() + MYT_OFFSET_MS).toISOString().slice(0, 10);
}

// A moment as a datetime-local input shows it in Malaysia: YYYY-MM-DDTHH:mm.
export function malaysiaLocalTime(at: Date): string {
  return new Date(at.getTime() + MYT_OFFSET_MS).toISOString().slice(0, 16);
}
