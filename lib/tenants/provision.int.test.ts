import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { channels, consentNotices, tenantSettings, tenants } from '@/db/schema';
import { DEFAULT_NOTICE } from '@/lib/consent/notices';
import { createTestDatabase } from '@/db/testing';
import { provisionTenant } from './provision';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

async function createTenant(name: string) {
  const [tenant] = await handle.db.insert(tenants).values({ name, slug: `t-${crypto.randomUUID()}` }).returning();
  if (!tenant) throw new Error('tenant insert returned nothing');
  return tenant;
}

const channelsOf = (tenantId: string) => handle.db.select().from(channels).where(eq(channels.tenantId, tenantId));

describe('provisionTenant', () => {
  it("creates the tenant's settings, sandbox channel and consent notice, and marks it provisioned", async () => {
    const tenant = await createTenant('Klinik Gigi Seri');

    await provisionTenant(handle.db, { tenantId: tenant.id });

    const [settings] = await handle.db.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenant.id));
    expect(settings).toMatchObject({ brandName: 'Klinik Gigi Seri', timezone: 'Asia/Kuala_Lumpur', defaultLanguage: 'ms' });
    expect(await channelsOf(tenant.id)).toEqual([expect.objectContaining({ type: 'sandbox', name: 'Sandbox', phoneNumberId: expect.stringMatching(/^sandbox-/) })]);
    const notices = await handle.db.select().from(consentNotices).where(eq(consentNotices.tenantId, tenant.id));
    expect(notices).toEqual([expect.objectContaining({ version: 1, bodyMs: DEFAULT_NOTICE.bodyMs, bodyEn: DEFAULT_NOTICE.bodyEn, bodyZh: null })]);
    const [after] = await handle.db.select().from(tenants).where(eq(tenants.id, tenant.id));
    expect(after?.provisionedAt).toBeInstanceOf(Date);
  });

  it('is idempotent and keeps what the tenant changed since', async () => {
    const tenant = await createTenant('Bengkel Motor Ali');
    await provisionTenant(handle.db, { tenantId: tenant.id });
    const [first] = await handle.db.select().from(tenants).where(eq(tenants.id, tenant.id));
    await handle.db.update(tenantSettings).set({ brandName: 'Ali Motor' }).where(eq(tenantSettings.tenantId, tenant.id));

    await provisionTenant(handle.db, { tenantId: tenant.id });
    await Promise.all([provisionTenant(handle.db, { tenantId: tenant.id }), provisionTenant(handle.db, { tenantId: tenant.id })]);

    const settings = await handle.db.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenant.id));
    expect(settings).toHaveLength(1);
    expect(settings[0]?.brandName).toBe('Ali Motor');
    expect(await channelsOf(tenant.id)).toHaveLength(1);
    expect(await handle.db.$count(consentNotices, eq(consentNotices.tenantId, tenant.id))).toBe(1);
    const [after] = await handle.db.select().from(tenants).where(eq(tenants.id, tenant.id));
    expect(after?.provisionedAt?.getTime()).toBe(first?.provisionedAt?.getTime());
  });

  it('touches only the given tenant', async () => {
    const target = await createTenant('Target');
    const other = await createTenant('Other');

    await provisionTenant(handle.db, { tenantId: target.id });

    expect(await handle.db.select().from(tenantSettings).where(eq(tenantSettings.tenantId, other.id))).toHaveLength(0);
    expect(await channelsOf(other.id)).toHaveLength(0);
    const [untouched] = await handle.db.select().from(tenants).where(eq(tenants.id, other.id));
    expect(untouched?.provisionedAt).toBeNull();
  });

  it('throws for a tenant that does not exist', async () => {
    await expect(provisionTenant(handle.db, { tenantId: crypto.randomUUID() })).rejects.toMatchObject({ code: 'not_found' });
  });
});
