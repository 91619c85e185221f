import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { tenantSettings, tenants } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { setFunctionDb } from '@/inngest/database';
import { provisionTenantFunction } from './provision-tenant';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  setFunctionDb(handle.db);
}, 60_000);
afterAll(async () => {
  setFunctionDb(undefined);
  await handle.close();
});

describe('provision-tenant function', () => {
  it("provisions the event's tenant inside a step", async () => {
    const [tenant] = await handle.db.insert(tenants).values({ name: 'Dobi Ceria', slug: `t-${crypto.randomUUID()}` }).returning();
    if (!tenant) throw new Error('tenant insert returned nothing');
    const engine = new InngestTestEngine({ function: provisionTenantFunction });

    const { ctx, error } = await engine.execute({ events: [{ name: 'tenant/provision', data: { tenantId: tenant.id } }] });

    expect(error).toBeUndefined();
    expect(ctx.step.run).toHaveBeenCalledWith('provision-tenant', expect.any(Function));
    const [settings] = await handle.db.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenant.id));
    expect(settings?.brandName).toBe('Dobi Ceria');
    const [after] = await handle.db.select().from(tenants).where(eq(tenants.id, tenant.id));
    expect(after?.provisionedAt).toBeInstanceOf(Date);
  });

  it('rejects an event whose data does not match the schema, without running the step', async () => {
    const engine = new InngestTestEngine({ function: provisionTenantFunction });

    const { ctx, error } = await engine.execute({ events: [{ name: 'tenant/provision', data: { tenantId: 'not-a-uuid' } }] });

    expect(error).toMatchObject({ name: 'EventValidationError' });
    expect(ctx.step.run).not.toHaveBeenCalled();
  });
});
