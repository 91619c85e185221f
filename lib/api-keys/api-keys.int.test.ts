import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiKeys, auditLog } from '@/db/schema';
import { sha256 } from '@/lib/crypto';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, addMember, auditActions, createTestTenant } from '@/lib/testing/factories';
import { apiKeyInputSchema, authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from './api-keys';

const test = useTestDatabase();
let owner: MemberContext;

beforeEach(async () => {
  owner = await createTestTenant(test.db, 'Kedai Kopi Ah Kow');
});

async function storedRow(id: string) {
  const [row] = await test.db.select().from(apiKeys).where(eq(apiKeys.id, id));
  if (!row) throw new Error(`no api key ${id}`);
  return row;
}

describe('createApiKey', () => {
  it('shows the secret once and stores only its hash', async () => {
    const { apiKey, secret } = await createApiKey(test.db, owner, { name: 'Zapier' });

    expect(secret).toMatch(/^sbg_[A-Za-z0-9]{40}$/);
    expect(apiKey).toEqual({ id: expect.any(String), name: 'Zapier', prefix: secret.slice(0, 10), createdAt: expect.any(Date), lastUsedAt: null, revokedAt: null });
    const row = await storedRow(apiKey.id);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.slice(10));
    expect(row.keyHash).toBe(sha256(secret));
    const listed = await listApiKeys(test.db, owner);
    expect(listed).toEqual([apiKey]);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(10));
    const [entry] = await test.db.select().from(auditLog).where(eq(auditLog.targetId, apiKey.id));
    expect(entry).toMatchObject({ action: 'api_key.created', actorUserId: owner.userId, metadata: { name: 'Zapier' } });
  });

  it('gives every key a different secret', async () => {
    const one = await createApiKey(test.db, owner, { name: 'One' });
    const two = await createApiKey(test.db, owner, { name: 'Two' });
    expect(one.secret).not.toBe(two.secret);
  });

  it('is for admins and owners only', async () => {
    const agent = await addMember(test.db, owner, 'agent');
    const admin = await addMember(test.db, owner, 'admin');

    await expect(createApiKey(test.db, agent, { name: 'Sneaky' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listApiKeys(test.db, agent)).rejects.toMatchObject({ code: 'forbidden' });
    const { apiKey } = await createApiKey(test.db, admin, { name: 'By admin' });
    await expect(revokeApiKey(test.db, agent, apiKey.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await listApiKeys(test.db, owner)).toHaveLength(1);
  });

  it('requires a name', () => {
    expect(apiKeyInputSchema.safeParse({ name: '   ' }).error?.issues[0]?.message).toBe('Give the key a name.');
  });
});

describe('authenticateApiKey', () => {
  it('turns the secret into the tenant context of an admin acting by key', async () => {
    const { apiKey, secret } = await createApiKey(test.db, owner, { name: 'CRM sync' });

    expect(await authenticateApiKey(test.db, secret)).toEqual({
      tenantId: owner.tenantId,
      tenantName: 'Kedai Kopi Ah Kow',
      role: 'admin',
      userId: null,
      apiKeyId: apiKey.id,
    });
  });

  it('answers null for unknown, malformed and altered secrets', async () => {
    const { secret } = await createApiKey(test.db, owner, { name: 'Real' });
    const altered = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;

    for (const attempt of ['', 'sbg_', secret.slice(4), altered, `${secret} `, `sbg_${'a'.repeat(200)}`]) {
      expect(await authenticateApiKey(test.db, attempt)).toBeNull();
    }
  });

  it('answers null once the key is revoked, and records the revocation', async () => {
    const { apiKey, secret } = await createApiKey(test.db, owner, { name: 'Old integration' });

    await revokeApiKey(test.db, owner, apiKey.id);

    expect(await authenticateApiKey(test.db, secret)).toBeNull();
    expect((await storedRow(apiKey.id)).revokedAt).toBeInstanceOf(Date);
    expect(await auditActions(test.db, owner.tenantId)).toEqual(expect.arrayContaining(['api_key.created', 'api_key.revoked']));
    await expect(revokeApiKey(test.db, owner, apiKey.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('records the last use, at most once a minute', async () => {
    const { apiKey, secret } = await createApiKey(test.db, owner, { name: 'Poller' });
    const before = Date.now();

    await authenticateApiKey(test.db, secret);
    const firstUse = (await storedRow(apiKey.id)).lastUsedAt;
    expect(firstUse?.getTime()).toBeGreaterThanOrEqual(before - 1000);

    await authenticateApiKey(test.db, secret);
    expect((await storedRow(apiKey.id)).lastUsedAt).toEqual(firstUse);

    await test.db.update(apiKeys).set({ lastUsedAt: sql`now() - interval '2 minutes'` }).where(eq(apiKeys.id, apiKey.id));
    await authenticateApiKey(test.db, secret);
    expect((await storedRow(apiKey.id)).lastUsedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((await listApiKeys(test.db, owner))[0]?.lastUsedAt).toBeInstanceOf(Date);
  });
});
