import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contestEntries, contests } from '@/db/schema';
import { consentHistory, customerByPhone, newPhone, say, settle, withoutAutomations } from '@/lib/automation/test-helpers';
import { handleInboundMessage } from '@/lib/automation/handle-inbound';
import { localJobClient } from '@/lib/jobs/local-driver';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, createTestTenant } from '@/lib/testing/factories';
import { createEntry } from './entries';
import { createTestContest } from './test-helpers';

// Entering over WhatsApp through the real ingest path (simulator → webhook → automation job).

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'sembang-contest-entry-'));

const t = useTestDatabase({ asAppDatabase: true });
let shop: MemberContext;

beforeAll(async () => {
  shop = await createTestTenant(t.db, 'Kedai Peraduan');
  await settle(t.db);
});

// Each test its own shop, so contests of one test never answer another's messages.
async function freshShop(): Promise<MemberContext> {
  const ctx = await createTestTenant(t.db, `Kedai ${newPhone()}`);
  await settle(t.db);
  return ctx;
}

async function granted(ctx: MemberContext, answer: 'YES' | 'YA' = 'YA') {
  const phone = newPhone();
  await say(t.db, ctx, phone, 'hello');
  await say(t.db, ctx, phone, answer);
  return phone;
}

const entriesOf = (contestId: string) => t.db.select().from(contestEntries).where(eq(contestEntries.contestId, contestId));

describe('keyword entries', () => {
  it('enters on the keyword in any spelling and confirms in the customer’s language with the entry ID', async () => {
    const ctx = await freshShop();
    const contest = await createTestContest(t.db, ctx, { maxEntriesPerCustomer: 5 });
    const malay = await granted(ctx, 'YA');
    const english = await granted(ctx, 'YES');

    const first = await say(t.db, ctx, malay, '#masuk-raya 🎉');
    const second = await say(t.db, ctx, english, 'Masuk  Raya!');

    const entries = await entriesOf(contest.id);
    expect(entries).toHaveLength(2);
    const mine = entries.find((e) => e.messageId === first.message.id);
    expect(first.replies.map((r) => r.content.automation)).toEqual(['contest.entry']);
    expect(first.replies[0]?.text).toContain('🎉 Penyertaan Peraduan Disahkan!');
    expect(first.replies[0]?.text).toContain(`ID Penyertaan: ${mine?.code}`);
    expect(mine?.code).toMatch(/^RAYA-[A-Z2-9]{6}$/);
    expect(second.replies[0]?.text).toContain('🎉 Contest Entry Confirmed!');
    expect(second.replies[0]?.text).toContain('Contest: Raya Giveaway');
  });

  it('stops at the per-customer limit and says so politely', async () => {
    const ctx = await freshShop();
    const contest = await createTestContest(t.db, ctx, { maxEntriesPerCustomer: 2 });
    const phone = await granted(ctx, 'YES');
    await say(t.db, ctx, phone, 'MASUK RAYA');
    await say(t.db, ctx, phone, 'MASUK RAYA');
    const third = await say(t.db, ctx, phone, 'MASUK RAYA');
    expect(await entriesOf(contest.id)).toHaveLength(2);
    expect(third.replies[0]?.text).toMatch(/^You have already entered Raya Giveaway 2 times/);
  });

  it('answers before the start and after the end, in Malaysian time, without an entry', async () => {
    const ctx = await freshShop();
    const startsAt = new Date('2030-04-01T00:00:00+08:00');
    const upcoming = await createTestContest(t.db, ctx, { name: 'Merdeka Draw', entryMethod: { type: 'keyword', keyword: 'MERDEKA' }, startsAt, endsAt: new Date('2030-04-30T23:59:00+08:00') });
    const ended = await createTestContest(t.db, ctx, {
      name: 'CNY Draw',
      entryMethod: { type: 'keyword', keyword: 'ONG' },
      startsAt: new Date(Date.now() - 10 * 86_400_000),
      endsAt: new Date(Date.now() - 86_400_000),
    });
    const phone = await granted(ctx, 'YES');
    const early = await say(t.db, ctx, phone, 'merdeka');
    const late = await say(t.db, ctx, phone, 'ong');
    expect(early.replies[0]?.text).toBe('Merdeka Draw has not started yet. It opens on 1 Apr 2030, 12:00 am; send MERDEKA again then.');
    expect(late.replies[0]?.text).toMatch(/^Sorry, CNY Draw closed on /);
    expect(await entriesOf(upcoming.id)).toHaveLength(0);
    expect(await entriesOf(ended.id)).toHaveLength(0);
  });

  it('counts the window as [start, end) at the exact instants', async () => {
    const ctx = await freshShop();
    const startsAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    const endsAt = new Date(startsAt.getTime() + 30_000);
    const contest = await createTestContest(t.db, ctx, { startsAt, endsAt, maxEntriesPerCustomer: 10 });
    const phone = await granted(ctx, 'YES');
    const at = async (clock: Date) => {
      const { message } = await say(t.db, ctx, phone, 'MASUK RAYA', { handlers: withoutAutomations });
      await handleInboundMessage(t.db, { tenantId: ctx.tenantId, messageId: message.id }, { jobs: localJobClient, clock: () => clock });
      return (await entriesOf(contest.id)).length;
    };
    expect(await at(new Date(startsAt.getTime() - 1))).toBe(0);
    expect(await at(startsAt)).toBe(1);
    expect(await at(new Date(endsAt.getTime() - 1))).toBe(2);
    expect(await at(endsAt)).toBe(2);
  });
});

describe('contests and consent', () => {
  it('a keyword from a customer who has not said yes asks for consent; their YA is consent, not an entry; then the keyword enters', async () => {
    const ctx = await freshShop();
    const contest = await createTestContest(t.db, ctx);
    const phone = newPhone();
    const first = await say(t.db, ctx, phone, 'MASUK RAYA');
    expect(first.replies.map((r) => r.content.automation)).toEqual(['consent.notice', 'consent.notice', 'contest.entry']);
    expect(first.replies[2]?.text).toBe('Untuk menyertai Raya Giveaway, kami perlukan kebenaran anda untuk menghantar mesej peraduan. Balas YA, kemudian hantar MASUK RAYA sekali lagi.');

    const yes = await say(t.db, ctx, phone, 'YA');
    expect(yes.replies.map((r) => r.content.automation)).toEqual(['consent.granted', 'profile.prompt']);
    expect(await entriesOf(contest.id)).toHaveLength(0);

    await say(t.db, ctx, phone, 'MASUK RAYA');
    expect(await entriesOf(contest.id)).toHaveLength(1);
  });

  it('a keyword entry without required consent is not taken as a consent answer', async () => {
    const ctx = await freshShop();
    const contest = await createTestContest(t.db, ctx, { requireConsent: false });
    const phone = newPhone();
    await say(t.db, ctx, phone, 'hello');
    const entry = await say(t.db, ctx, phone, 'masuk raya');
    expect(entry.replies.map((r) => r.content.automation)).toEqual(['contest.entry']);
    const customer = await customerByPhone(t.db, ctx, phone);
    expect(customer?.consentStatus).toBe('pending');
    expect((await consentHistory(t.db, customer!.id)).map((e) => e.status)).toEqual(['pending']);
    expect(await entriesOf(contest.id)).toHaveLength(1);
  });

  it('any-message contests (off unless chosen) enter quietly beside other steps, but never on a consent answer', async () => {
    const ctx = await freshShop();
    const contest = await createTestContest(t.db, ctx, { entryMethod: { type: 'any_message' } });
    const phone = newPhone();
    await say(t.db, ctx, phone, 'hello');
    const yes = await say(t.db, ctx, phone, 'YA');
    expect(yes.replies.map((r) => r.content.automation)).toEqual(['consent.granted', 'profile.prompt']);
    expect(await entriesOf(contest.id)).toHaveLength(0);

    const profile = await say(t.db, ctx, phone, 'F');
    expect(profile.replies.map((r) => r.content.automation)).toEqual(['profile.reply', 'contest.entry']);
    const again = await say(t.db, ctx, phone, 'terima kasih');
    expect(again.replies).toEqual([]);
    expect(await entriesOf(contest.id)).toHaveLength(1);
  });

  it('a segment limits who may enter', async () => {
    const ctx = await freshShop();
    const { createSegment } = await import('@/lib/segments/segments');
    const segment = await createSegment(t.db, ctx, { name: 'Big spenders', criteria: { filter: { field: 'totalSpent', op: 'gte', value: 1000 } } });
    const contest = await createTestContest(t.db, ctx, { segmentId: segment.id });
    const phone = await granted(ctx, 'YES');
    const answer = await say(t.db, ctx, phone, 'MASUK RAYA');
    expect(answer.replies[0]?.text).toBe('Sorry, Raya Giveaway is open to selected customers only. Thank you for your interest!');
    expect(await entriesOf(contest.id)).toHaveLength(0);
  });
});

describe('createEntry under concurrency', () => {
  it('never passes the per-customer limit when many messages arrive at once', async () => {
    const contest = await createTestContest(t.db, shop, { name: 'Rush', entryMethod: { type: 'keyword', keyword: 'RUSH' }, maxEntriesPerCustomer: 3 });
    const phone = await granted(shop, 'YES');
    const customer = await customerByPhone(t.db, shop, phone);
    const results = await Promise.all(
      Array.from({ length: 12 }, () => t.db.transaction((tx) => createEntry(tx, contest, { customerId: customer!.id, now: new Date() }))),
    );
    expect(results.filter((r) => r.outcome === 'entered')).toHaveLength(3);
    expect(results.filter((r) => r.outcome === 'limit')).toHaveLength(9);
    const rows = await t.db.select().from(contestEntries).where(and(eq(contestEntries.contestId, contest.id), eq(contestEntries.customerId, customer!.id)));
    expect(rows).toHaveLength(3);
  });

  it('concurrent keyword messages of one customer through the pipeline still stop at the limit', async () => {
    const ctx = await freshShop();
    const contest = await createTestContest(t.db, ctx, { maxEntriesPerCustomer: 2 });
    const phone = await granted(ctx, 'YES');
    const sent = [];
    for (let i = 0; i < 6; i += 1) sent.push((await say(t.db, ctx, phone, 'MASUK RAYA', { handlers: withoutAutomations })).message.id);
    await Promise.all(sent.map((messageId) => handleInboundMessage(t.db, { tenantId: ctx.tenantId, messageId }, { jobs: localJobClient })));
    expect(await entriesOf(contest.id)).toHaveLength(2);
  });
});

describe('keyword uniqueness', () => {
  it('refuses a second contest with the same keyword at overlapping times', async () => {
    const ctx = await freshShop();
    await createTestContest(t.db, ctx);
    await expect(createTestContest(t.db, ctx, { name: 'Copy', entryMethod: { type: 'keyword', keyword: 'masuk-raya' } })).rejects.toThrow(/uses this keyword/);
    const later = await createTestContest(t.db, ctx, { name: 'Next year', startsAt: new Date(Date.now() + 400 * 86_400_000), endsAt: new Date(Date.now() + 430 * 86_400_000) });
    expect((await t.db.select().from(contests).where(eq(contests.id, later.id)))[0]?.keyword).toBe('MASUK RAYA');
  });
});
