import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { channels } from '@/db/schema';
import { decrypt } from '@/lib/crypto';
import { getEnv } from '@/lib/env';
import { provisionTenant } from '@/lib/tenants/provision';
import { useTestDatabase } from '@/lib/testing/database';
import { createTestTenant } from '@/lib/testing/factories';
import { listChannels } from './channels';
import { ensureSandboxChannel } from './sandbox';
import { channelForWebhook } from './webhook-lookup';

const test = useTestDatabase();

const sandboxRows = (tenantId: string) => test.db.select().from(channels).where(and(eq(channels.tenantId, tenantId), eq(channels.type, 'sandbox')));

describe('ensureSandboxChannel', () => {
  it('creates one "Sandbox" channel with a generated phone number id and an encrypted app secret', async () => {
    const owner = await createTestTenant(test.db);

    const sandbox = await ensureSandboxChannel(test.db, owner.tenantId);

    expect(sandbox.phoneNumberId).toMatch(/^sandbox-[A-Za-z0-9]{20}$/);
    const [row] = await sandboxRows(owner.tenantId);
    expect(row).toMatchObject({ id: sandbox.id, name: 'Sandbox', type: 'sandbox', phoneNumberId: sandbox.phoneNumberId, accessTokenEnc: null, verifyTokenHash: null });
    expect(decrypt(row?.appSecretEnc ?? '', getEnv().ENCRYPTION_KEY)).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(await listChannels(test.db, owner)).toEqual([expect.objectContaining({ id: sandbox.id, hasAppSecret: true, hasAccessToken: false })]);
  });

  it('is idempotent, also when runs overlap', async () => {
    const owner = await createTestTenant(test.db);

    const first = await ensureSandboxChannel(test.db, owner.tenantId);
    const again = await Promise.all([ensureSandboxChannel(test.db, owner.tenantId), ensureSandboxChannel(test.db, owner.tenantId)]);

    expect(again).toEqual([first, first]);
    expect(await sandboxRows(owner.tenantId)).toHaveLength(1);
  });

  it('gives every tenant a sandbox of its own', async () => {
    const a = await createTestTenant(test.db, 'Tenant A');
    const b = await createTestTenant(test.db, 'Tenant B');

    const [sa, sb] = [await ensureSandboxChannel(test.db, a.tenantId), await ensureSandboxChannel(test.db, b.tenantId)];

    expect(sa.phoneNumberId).not.toBe(sb.phoneNumberId);
    expect(await channelForWebhook(test.db, sb.phoneNumberId)).toMatchObject({ id: sb.id, tenantId: b.tenantId });
  });

  it('is created by provisioning, once', async () => {
    const owner = await createTestTenant(test.db, 'Kedai Baru');

    await provisionTenant(test.db, { tenantId: owner.tenantId });
    await provisionTenant(test.db, { tenantId: owner.tenantId });

    expect((await listChannels(test.db, owner)).map((c) => [c.type, c.name])).toEqual([['sandbox', 'Sandbox']]);
  });

  it('throws for a tenant that does not exist', async () => {
    await expect(ensureSandboxChannel(test.db, crypto.randomUUID())).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('channelForWebhook', () => {
  it('finds the channel and tenant of a phone number id, with the decrypted app secret', async () => {
    const owner = await createTestTenant(test.db);
    const sandbox = await ensureSandboxChannel(test.db, owner.tenantId);
    const [row] = await sandboxRows(owner.tenantId);

    expect(await channelForWebhook(test.db, sandbox.phoneNumberId)).toEqual({
      id: sandbox.id,
      tenantId: owner.tenantId,
      type: 'sandbox',
      appSecret: decrypt(row?.appSecretEnc ?? '', getEnv().ENCRYPTION_KEY),
    });
    expect(await channelForWebhook(test.db, '999999999999999')).toBeNull();
  });
});
