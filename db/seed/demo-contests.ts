import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { contests, customers } from '@/db/schema';
import { createContest } from '@/lib/contests/contests';
import { drawContest } from '@/lib/contests/draw';
import { createEntry } from '@/lib/contests/entries';
import { WINNER_TEMPLATE_NAME } from '@/lib/contests/notify-winners';
import { contestInputSchema } from '@/lib/contests/schema';
import { listWinners, setClaimStatus } from '@/lib/contests/winners';
import type { TenantContext } from '@/lib/tenants/context';
import { createTemplate } from '@/lib/templates/templates';
import { runDemoJobs, seedJobs } from './demo-automation';

// Two contests: "Raya Giveaway" running (keyword MASUK RAYA, entries over the last days) and
// "Merdeka Draw" finished and drawn (winners notified, one prize claimed), plus the approved
// contest_winner templates used outside the 24-hour window. Entered by the demo customers who
// granted consent. Seeding twice adds nothing: a tenant with contests is left alone.

const DAY = 86_400_000;

async function enter(db: Database, contest: typeof contests.$inferSelect, people: { id: string }[], days: number, now: number) {
  for (const [i, person] of people.entries()) {
    const times = 1 + (i % contest.maxEntriesPerCustomer);
    for (let n = 0; n < times; n += 1) {
      const at = new Date(Math.min(now - 60_000, contest.startsAt.getTime() + ((i * 7 + n * 13) % days) * DAY + (i + 1) * 37 * 60_000));
      await db.transaction((tx) => createEntry(tx, contest, { customerId: person.id, now: at }));
    }
  }
}

export async function seedDemoContests(db: Database, ctx: TenantContext): Promise<void> {
  const [existing] = await db.select({ id: contests.id }).from(contests).where(eq(contests.tenantId, ctx.tenantId)).limit(1);
  if (existing) return;
  const people = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.consentStatus, 'granted')))
    .orderBy(asc(customers.createdAt));
  const now = Date.now();

  for (const [language, body] of [
    ['ms', 'Tahniah! Anda memenangi {{2}} dalam {{1}}. Cara tuntutan: {{3}} Terima kasih!'],
    ['en', 'Congratulations! You won {{2}} in {{1}}. How to claim: {{3}} Thank you!'],
  ] as const) {
    await createTemplate(db, ctx, { name: WINNER_TEMPLATE_NAME, language, category: 'utility', body });
  }

  const merdeka = await createContest(
    db,
    ctx,
    contestInputSchema.parse({
      name: 'Merdeka Draw',
      description: 'Send MERDEKA to win a year of free kopi.',
      startsAt: new Date(now - 20 * DAY).toISOString(),
      endsAt: new Date(now - 2 * DAY).toISOString(),
      prizes: [
        { name: 'Free kopi for a year', quantity: 1 },
        { name: 'Baucar RM20', quantity: 3 },
      ],
      maxEntriesPerCustomer: 2,
      entryMethod: { type: 'keyword', keyword: 'MERDEKA' },
      claimInstructions: 'Show this message at the counter before 30 September.',
    }),
  );
  await enter(db, merdeka.contest, people, 18, now);
  // Drawn by no one in particular, so the notifications are settled like Sembang's own messages.
  await drawContest(db, { ...ctx, userId: null }, merdeka.contest.id, { jobs: seedJobs });
  await runDemoJobs(db, ctx.tenantId);
  const [first] = await listWinners(db, ctx, merdeka.contest.id);
  if (first) await setClaimStatus(db, ctx, merdeka.contest.id, first.id, 'claimed');

  const raya = await createContest(
    db,
    ctx,
    contestInputSchema.parse({
      name: 'Raya Giveaway',
      description: 'Hantar MASUK RAYA untuk memenangi hamper Raya.',
      startsAt: new Date(now - 6 * DAY).toISOString(),
      endsAt: new Date(now + 24 * DAY).toISOString(),
      prizes: [
        { name: 'Hamper Raya', quantity: 1 },
        { name: 'Baucar RM50', quantity: 3 },
      ],
      maxEntriesPerCustomer: 3,
      entryMethod: { type: 'keyword', keyword: 'MASUK RAYA' },
      claimInstructions: 'Datang ke kaunter dengan mesej ini.',
    }),
  );
  await enter(db, raya.contest, people.slice(0, Math.max(1, people.length - 2)), 6, now);
}
