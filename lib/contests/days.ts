import { todayInMalaysia } from '@/lib/mykad';

const DAY_MS = 86_400_000;

// The Malaysian days from the contest's start to its end (or today, if sooner), each with its
// count (0 when none); at most `max` days, the latest kept.
export function everyDay(counts: readonly { day: string; entries: number }[], startsAt: Date, endsAt: Date, now: Date, max = 120): { day: string; entries: number }[] {
  const byDay = new Map(counts.map((c) => [c.day, c.entries]));
  const first = todayInMalaysia(startsAt);
  const lastInstant = endsAt < now ? new Date(endsAt.getTime() - 1) : now;
  const last = todayInMalaysia(lastInstant);
  const days: { day: string; entries: number }[] = [];
  for (let t = Date.parse(`${last}T00:00:00Z`); days.length < max; t -= DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (day < first) break;
    days.push({ day, entries: byDay.get(day) ?? 0 });
  }
  return days.reverse();
}
