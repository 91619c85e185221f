import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { channels, consentEvents, conversations, customerFlags, customers, jobs, messages, templates, tenants, webhookEvents } from '@/db/schema';
import { useTestDatabase } from '@/lib/testing/database';
import { DEMO_BUSINESS, seedDemo } from './demo';

// The demo's photos (the review queue) are stored as media files.
process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'sembang-demo-'));

const test = useTestDatabase();

describe('seedDemo', () => {
  it('gives the demo tenant sandbox conversations through the webhook, and two approved templates', async () => {
    expect(await seedDemo(test.db)).toEqual({ created: true });

    const [tenant] = await test.db.select().from(tenants).where(eq(tenants.name, DEMO_BUSINESS));
    const [sandbox] = await test.db.select().from(channels).where(and(eq(channels.tenantId, tenant!.id), eq(channels.type, 'sandbox')));
    const mine = eq(conversations.channelId, sandbox!.id);
    expect(await test.db.$count(conversations, mine)).toBe(30);
    // Every customer message arrived as a signed webhook delivery.
    const inbound = await test.db.$count(messages, and(eq(messages.channelId, sandbox!.id), eq(messages.direction, 'inbound')));
    expect(await test.db.$count(webhookEvents, eq(webhookEvents.channelId, sandbox!.id))).toBe(inbound);
    expect(await test.db.$count(messages, and(eq(messages.channelId, sandbox!.id), eq(messages.direction, 'outbound')))).toBeGreaterThan(20);

    const rows = await test.db.select().from(conversations).where(mine);
    expect(rows.every((c) => c.lastMessagePreview && c.lastMessageAt.getTime() <= Date.now())).toBe(true);
    expect(rows.filter((c) => c.unreadCount > 0).length).toBeGreaterThanOrEqual(3);
    const [aina] = await test.db.select().from(customers).where(and(eq(customers.tenantId, tenant!.id), eq(customers.name, 'Aina Sofea')));
    expect(aina).toMatchObject({ phone: expect.stringMatching(/^\+601\d{8}$/), profileName: 'Aina Sofea' });
    expect(aina!.outboundCount).toBeGreaterThan(0);

    // The contests' contest_winner templates (db/seed/demo-contests.ts) are counted there.
    const seeded = await test.db.select().from(templates).where(and(eq(templates.tenantId, tenant!.id), ne(templates.name, 'contest_winner')));
    expect(seeded.map((t) => [t.language, t.status]).sort()).toEqual([
      ['en', 'approved'],
      ['ms', 'approved'],
    ]);

    expect(await seedDemo(test.db)).toEqual({ created: false });
  });
});

describe('seedDemo consent', () => {
  it('has customers in every consent state, with histories and MyKad profiles', async () => {
    await seedDemo(test.db);
    const [tenant] = await test.db.select().from(tenants).where(eq(tenants.name, DEMO_BUSINESS));
    const rows = await test.db.select().from(customers).where(eq(customers.tenantId, tenant!.id));
    const byStatus = (s: string) => rows.filter((c) => c.consentStatus === s);
    expect(byStatus('unknown').length).toBeGreaterThanOrEqual(3);
    expect(byStatus('pending').length).toBeGreaterThanOrEqual(3);
    expect(byStatus('pending').filter((c) => c.consentReminderSentAt).length).toBeGreaterThanOrEqual(1);
    expect(byStatus('granted').length).toBeGreaterThanOrEqual(8);
    expect(byStatus('withdrawn').length).toBeGreaterThanOrEqual(4);
    // Those never asked have no history; everyone else has one.
    const events = await test.db.select().from(consentEvents).where(eq(consentEvents.tenantId, tenant!.id));
    const withHistory = new Set(events.map((e) => e.customerId));
    expect(byStatus('unknown').every((c) => !withHistory.has(c.id))).toBe(true);
    expect(rows.filter((c) => c.consentStatus !== 'unknown').every((c) => withHistory.has(c.id))).toBe(true);
    expect(new Set(events.map((e) => e.source))).toEqual(new Set(['notice', 'keyword', 'button', 'meta_opt_out', 'admin', 'import']));
    expect(events.every((e) => e.occurredAt.getTime() <= Date.now())).toBe(true);

    // IC-derived profiles: several states, both centuries, both genders, a foreign birthplace.
    const profiles = rows.filter((c) => c.icHash);
    expect(profiles.length).toBeGreaterThanOrEqual(10);
    expect(new Set(profiles.map((c) => c.state)).size).toBeGreaterThanOrEqual(8);
    expect(profiles.some((c) => c.dateOfBirth!.startsWith('19')) && profiles.some((c) => c.dateOfBirth!.startsWith('20'))).toBe(true);
    expect(new Set(profiles.map((c) => c.gender))).toEqual(new Set(['M', 'F', 'NB']));
    expect(profiles.some((c) => c.birthCountry === 'Singapore')).toBe(true);
    expect(profiles.every((c) => /^\d{6}-\d{2}-\*{4}$/.test(c.icMasked ?? ''))).toBe(true);
    expect(await test.db.$count(customerFlags, eq(customerFlags.tenantId, tenant!.id))).toBe(1);

    // Sembang's automated messages went out (recorded as delivered or read), none left pending.
    const automated = (await test.db.select().from(messages).where(and(eq(messages.tenantId, tenant!.id), eq(messages.direction, 'outbound')))).filter((m) => m.content.automation);
    expect(automated.length).toBeGreaterThan(20);
    expect(automated.every((m) => m.wamid && (m.status === 'delivered' || m.status === 'read'))).toBe(true);
    // The three newest are pending with their one reminder still to come.
    expect(await test.db.$count(jobs, and(eq(jobs.tenantId, tenant!.id), eq(jobs.name, 'consent/reminder'), eq(jobs.status, 'pending')))).toBe(3);
  });
});
