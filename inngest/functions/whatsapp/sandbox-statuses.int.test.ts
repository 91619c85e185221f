import { randomUUID } from 'node:crypto';
import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, customers, messages } from '@/db/schema';
import { setFunctionDb } from '@/inngest/database';
import { useTestDatabase } from '@/lib/testing/database';
import { createTestTenant } from '@/lib/testing/factories';
import { sandboxChannel } from '@/lib/whatsapp/sandbox/channel';
import { drainJobs } from '@/lib/whatsapp/sandbox/test-helpers';
import { sandboxStatusesFunction } from './sandbox-statuses';

const t = useTestDatabase();

beforeAll(() => setFunctionDb(t.db));
afterAll(() => setFunctionDb(undefined));

const pricing = { billable: false, type: 'free_customer_service', category: 'service' } as const;

describe('emit-sandbox-statuses function', () => {
  it('posts the sent and delivered webhooks for the sandbox message inside a step', async () => {
    const tenant = await createTestTenant(t.db);
    const channel = await sandboxChannel(t.db, tenant.tenantId);
    const [customer] = await t.db.insert(customers).values({ tenantId: tenant.tenantId, name: 'Ani', waId: '60123450099', phone: '+60123450099' }).returning();
    const [conversation] = await t.db.insert(conversations).values({ tenantId: tenant.tenantId, channelId: channel.id, customerId: customer!.id }).returning();
    const wamid = `wamid.sandbox.${randomUUID()}`;
    await t.db.insert(messages).values({ tenantId: tenant.tenantId, channelId: channel.id, conversationId: conversation!.id, customerId: customer!.id, direction: 'outbound', type: 'text', text: 'Hai', status: 'pending', wamid });
    const engine = new InngestTestEngine({ function: sandboxStatusesFunction });

    const data = { tenantId: tenant.tenantId, channelId: channel.id, wamid, recipientWaId: '60123450099', pricing };
    const { ctx, error } = await engine.execute({ events: [{ name: 'whatsapp/sandbox.statuses', data }] });

    expect(error).toBeUndefined();
    expect(ctx.step.run).toHaveBeenCalledWith('emit-statuses', expect.any(Function));
    await drainJobs(t.db);
    const [row] = await t.db.select().from(messages).where(eq(messages.wamid, wamid));
    expect(row).toMatchObject({ status: 'delivered', sentAt: expect.any(Date), deliveredAt: expect.any(Date) });
  });

  it('rejects an event whose data does not match the schema, without running the step', async () => {
    const engine = new InngestTestEngine({ function: sandboxStatusesFunction });

    const { ctx, error } = await engine.execute({ events: [{ name: 'whatsapp/sandbox.statuses', data: { tenantId: randomUUID(), wamid: 'x' } }] });

    expect(error).toMatchObject({ name: 'EventValidationError' });
    expect(ctx.step.run).not.toHaveBeenCalled();
  });
});
