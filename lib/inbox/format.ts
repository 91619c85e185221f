// Times in the inbox are Malaysian time, wherever the browser or server runs.
const INBOX_TIME_ZONE = 'Asia/Kuala_Lumpur';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: INBOX_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeFormat = new Intl.DateTimeFormat('en-MY', { timeZone: INBOX_TIME_ZONE, hour: 'numeric', minute: '2-digit' });
const weekdayFormat = new Intl.DateTimeFormat('en-MY', { timeZone: INBOX_TIME_ZONE, weekday: 'long' });
const shortDateFormat = new Intl.DateTimeFormat('en-MY', { timeZone: INBOX_TIME_ZONE, day: 'numeric', month: 'short', year: 'numeric' });
const longDateFormat = new Intl.DateTimeFormat('en-MY', { timeZone: INBOX_TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const fullFormat = new Intl.DateTimeFormat('en-MY', { timeZone: INBOX_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' });

// "2026-03-01": the Malaysian calendar day, for grouping messages.
export function dayKey(iso: string): string {
  return dayFormat.format(new Date(iso));
}

function daysBetween(iso: string, now: Date): number {
  return Math.round((Date.parse(dayKey(now.toISOString())) - Date.parse(dayKey(iso))) / 86_400_000);
}

export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return fullFormat.format(new Date(iso));
}

// The conversation list: the time today, "Yesterday", the weekday this week, else the date.
export function formatListTime(iso: string, now = new Date()): string {
  const days = daysBetween(iso, now);
  if (days <= 0) return formatTime(iso);
  if (days === 1) return 'Yesterday';
  if (days < 7) return weekdayFormat.format(new Date(iso));
  return shortDateFormat.format(new Date(iso));
}

// The separator between days in a thread.
export function formatDayLabel(iso: string, now = new Date()): string {
  const days = daysBetween(iso, now);
  if (days <= 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return longDateFormat.format(new Date(iso));
}
