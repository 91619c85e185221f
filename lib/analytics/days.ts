import { todayInMalaysia } from '@/lib/mykad';

// Analytics days are Malaysian calendar days (Asia/Kuala_Lumpur, UTC+8 all year, no DST).
export const ANALYTICS_TIME_ZONE = 'Asia/Kuala_Lumpur';

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// The instant a Malaysian day starts.
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

// Every day from `from` to `to`, both included.
export function eachDay(from: string, to: string): string[] {
  return Array.from({ length: Math.max(0, daysBetween(from, to)) }, (_, i) => addDays(from, i));
}

export interface DayRange {
  from: string;
  to: string;
}

// The last `days` days up to and including today in Malaysia.
export function lastDays(days: number, now: Date = new Date()): DayRange {
  const to = todayInMalaysia(now);
  return { from: addDays(to, -(days - 1)), to };
}

// The range of the same length just before this one, for "change vs previous period".
export function previousRange(range: DayRange): DayRange {
  const length = daysBetween(range.from, range.to);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}
