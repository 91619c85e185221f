import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { consentEvents, customers } from '@/db/schema';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, createTestConversation, createTestTenant } from '@/lib/testing/factories';

const test = useTestDatabase();

// Drizzle wraps the database error; the trigger's message is on its cause.
const refusedAsAppendOnly = (error: unknown) => error instanceof Error && /append-only/.test(String((error.cause as Error | undefined)?.message));
let ctx: MemberContext;
let customerId: string;

beforeAll(async () => {
  ctx = await createTestTenant(test.db);
  ({ customerId } = await createTestConversation(test.db, ctx, { name: 'Aminah', phone: '+60123000001' }));
  await test.db.insert(consentEvents).values({ tenantId: ctx.tenantId, customerId, status: 'granted', source: 'keyword', keyword: 'YA' });
});

describe('consent_events is append-only', () => {
  it('refuses UPDATE', async () => {
    await expect(test.db.update(consentEvents).set({ status: 'withdrawn' }).where(eq(consentEvents.customerId, customerId))).rejects.toSatisfy(refusedAsAppendOnly);
  });

  it('refuses DELETE', async () => {
    await expect(test.db.delete(consentEvents).where(eq(consentEvents.customerId, customerId))).rejects.toSatisfy(refusedAsAppendOnly);
  });

  it('refuses TRUNCATE', async () => {
    await expect(test.db.execute(sql`truncate consent_events`)).rejects.toSatisfy(refusedAsAppendOnly);
  });

  it('refuses deleting the customer outside an erasure, and allows it inside one', async () => {
    await expect(test.db.delete(customers).where(eq(customers.id, customerId))).rejects.toSatisfy(refusedAsAppendOnly);
    expect(await test.db.$count(consentEvents, eq(consentEvents.customerId, customerId))).toBe(1);

    await test.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('sembang.erasure', 'on', true)`);
      await tx.delete(customers).where(eq(customers.id, customerId));
    });
    expect(await test.db.$count(consentEvents, eq(consentEvents.customerId, customerId))).toBe(0);
  });
});
