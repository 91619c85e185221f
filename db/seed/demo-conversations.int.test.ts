import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { channels, conversations, customers, messages, templates, tenants, webhookEvents } from '@/db/schema';
import { useTestDatabase } from '@/lib/testing/database';
import { DEMO_BUSINESS, seedDemo } from './demo';

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

    const seeded = await test.db.select().from(templates).where(eq(templates.tenantId, tenant!.id));
    expect(seeded.map((t) => [t.language, t.status]).sort()).toEqual([
      ['en', 'approved'],
      ['ms', 'approved'],
    ]);

    expect(await seedDemo(test.db)).toEqual({ created: false });
  });
});
