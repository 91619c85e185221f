import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, channels } from '@/db/schema';
import { decrypt, sha256 } from '@/lib/crypto';
import { getEnv } from '@/lib/env';
import { useTestDatabase } from '@/lib/testing/database';
import { allowApiHosts } from '@/lib/testing/fake-graph-api-env';
import { type MemberContext, addMember, cloudChannelInput, createTestTenant, uniqueMetaId } from '@/lib/testing/factories';
import { DEFAULT_GRAPH_API_BASE_URL } from '@/lib/whatsapp/providers';
import { createChannel, deleteChannel, getChannel, listChannels, updateChannel } from './channels';
import { channelCreateSchema } from './input';
import { ensureSandboxChannel } from './sandbox';

const test = useTestDatabase();
let owner: MemberContext;

beforeEach(async () => {
  owner = await createTestTenant(test.db, 'Kedai Kopi Ah Kow');
});
afterEach(() => allowApiHosts(null));

async function storedRow(id: string) {
  const [row] = await test.db.select().from(channels).where(eq(channels.id, id));
  if (!row) throw new Error(`no channel ${id}`);
  return row;
}

const publicKeys = [
  'apiBaseUrl',
  'createdAt',
  'displayPhoneNumber',
  'hasAccessToken',
  'hasAppSecret',
  'id',
  'lastCheckedAt',
  'messagingLimit',
  'name',
  'phoneNumberId',
  'qualityRating',
  'sendRatePerSecond',
  'type',
  'verifiedName',
  'wabaId',
];

describe('createChannel (cloud)', () => {
  it('encrypts the token and app secret at rest and keeps only a hash of the verify token', async () => {
    const input = cloudChannelInput();

    const channel = await createChannel(test.db, owner, input);

    const row = await storedRow(channel.id);
    const stored = JSON.stringify(row);
    for (const secret of [input.accessToken, input.appSecret, input.verifyToken]) expect(stored).not.toContain(secret);
    const key = getEnv().ENCRYPTION_KEY;
    expect(decrypt(row.accessTokenEnc ?? '', key)).toBe(input.accessToken);
    expect(decrypt(row.appSecretEnc ?? '', key)).toBe(input.appSecret);
    expect(row.verifyTokenHash).toBe(sha256(input.verifyToken));
    expect(row.tenantId).toBe(owner.tenantId);
  });

  it('answers the public view, with defaults, and never a secret', async () => {
    const input = cloudChannelInput({ name: 'Cawangan Bangsar' });

    const channel = await createChannel(test.db, owner, input);

    expect(Object.keys(channel).sort()).toEqual(publicKeys);
    expect(channel).toMatchObject({
      type: 'cloud',
      name: 'Cawangan Bangsar',
      phoneNumberId: input.phoneNumberId,
      wabaId: input.wabaId,
      apiBaseUrl: DEFAULT_GRAPH_API_BASE_URL,
      sendRatePerSecond: 80,
      messagingLimit: '250',
      verifiedName: null,
      lastCheckedAt: null,
      hasAccessToken: true,
      hasAppSecret: true,
    });
    const seen = JSON.stringify([channel, await getChannel(test.db, owner, channel.id), await listChannels(test.db, owner)]);
    for (const secret of [input.accessToken, input.appSecret, input.verifyToken]) expect(seen).not.toContain(secret);
    expect(seen).not.toMatch(/Enc"|verifyTokenHash/);
    const [entry] = await test.db.select().from(auditLog).where(eq(auditLog.targetId, channel.id));
    expect(entry).toMatchObject({ action: 'channel.created', actorUserId: owner.userId, metadata: { type: 'cloud', name: 'Cawangan Bangsar' } });
    expect(JSON.stringify(entry)).not.toContain(input.accessToken);
  });

  it('keeps a given API base URL without its trailing slash', async () => {
    const channel = await createChannel(test.db, owner, cloudChannelInput({ apiBaseUrl: 'https://graph.facebook.com/v25.0/', sendRatePerSecond: 250, messagingLimit: '10000' }));
    expect(channel).toMatchObject({ apiBaseUrl: 'https://graph.facebook.com/v25.0', sendRatePerSecond: 250, messagingLimit: '10000' });
  });

  it.each([
    ['an internal address', 'https://169.254.169.254/latest/meta-data'],
    ['a look-alike host', 'https://graph.facebook.com.evil.example/v26.0'],
    ['loopback', 'http://127.0.0.1:8080/v26.0'],
    ['plain http to Meta', 'http://graph.facebook.com/v26.0'],
  ])('refuses %s as apiBaseUrl with a 422 on that field, and stores nothing', async (_what, apiBaseUrl) => {
    await expect(createChannel(test.db, owner, cloudChannelInput({ apiBaseUrl }))).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: [{ field: 'apiBaseUrl', message: expect.any(String) }],
    });
    expect(await listChannels(test.db, owner)).toEqual([]);
  });

  it('accepts a host the operator allowed in WHATSAPP_API_ALLOWED_HOSTS', async () => {
    allowApiHosts(['graph.facebook.com', '127.0.0.1:4010']);

    const channel = await createChannel(test.db, owner, cloudChannelInput({ apiBaseUrl: 'http://127.0.0.1:4010/v26.0' }));

    expect(channel.apiBaseUrl).toBe('http://127.0.0.1:4010/v26.0');
    await expect(createChannel(test.db, owner, cloudChannelInput({ apiBaseUrl: 'http://127.0.0.1:4011/v26.0' }))).rejects.toMatchObject({ code: 'validation' });
  });

  it('refuses a phone number ID another tenant has connected, as a conflict on that field', async () => {
    const other = await createTestTenant(test.db, 'Kedai Lain');
    const phoneNumberId = uniqueMetaId();
    await createChannel(test.db, other, cloudChannelInput({ phoneNumberId }));

    await expect(createChannel(test.db, owner, cloudChannelInput({ phoneNumberId }))).rejects.toMatchObject({
      code: 'conflict',
      fieldErrors: [{ field: 'phoneNumberId', message: 'This phone number ID is already connected to Sembang.' }],
    });
    expect(await listChannels(test.db, owner)).toEqual([]);
  });

  it('is for admins and owners; agents may only look', async () => {
    const agent = await addMember(test.db, owner, 'agent');
    const admin = await addMember(test.db, owner, 'admin');

    await expect(createChannel(test.db, agent, cloudChannelInput())).rejects.toMatchObject({ code: 'forbidden' });
    const channel = await createChannel(test.db, admin, cloudChannelInput());
    await expect(updateChannel(test.db, agent, channel.id, { name: 'Mine now' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deleteChannel(test.db, agent, channel.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await listChannels(test.db, agent)).map((c) => c.id)).toEqual([channel.id]);
    expect((await getChannel(test.db, agent, channel.id)).name).toBe('Kedai main number');
  });
});

describe('createChannel (wabot)', () => {
  it('stores the gateway with its token encrypted and no app secret', async () => {
    const channel = await createChannel(test.db, owner, { type: 'wabot', name: 'Gateway', apiBaseUrl: 'https://app.wabot.my/api/', instanceId: 'INST-42', accessToken: 'wabot-token-123456' });

    expect(channel).toMatchObject({ type: 'wabot', phoneNumberId: null, apiBaseUrl: 'https://app.wabot.my/api', hasAccessToken: true, hasAppSecret: false });
    const row = await storedRow(channel.id);
    expect(row.wabotInstanceId).toBe('INST-42');
    expect(JSON.stringify(row)).not.toContain('wabot-token-123456');
    expect(JSON.stringify(channel)).not.toContain('INST-42');
  });
});

describe('channel input', () => {
  it('explains what is missing or wrong', () => {
    const issues = (value: unknown) => channelCreateSchema.safeParse(value).error?.issues.map((i) => [i.path.join('.'), i.message]);

    expect(issues({})).toEqual([['type', 'Choose cloud or wabot.']]);
    expect(issues({ type: 'sandbox', name: 'x' })).toEqual([['type', 'Choose cloud or wabot.']]);
    expect(issues({ ...cloudChannelInput(), phoneNumberId: '+60 12-345 6789', sendRatePerSecond: 1001, verifyToken: 'short' })).toEqual([
      ['phoneNumberId', 'Use digits only, as WhatsApp Manager shows it.'],
      ['verifyToken', 'Use at least 8 characters.'],
      ['sendRatePerSecond', 'Meta allows at most 1000 messages per second.'],
    ]);
    expect(issues({ type: 'wabot', name: 'G' })).toEqual([
      ['apiBaseUrl', 'Enter a full http(s):// URL.'],
      ['instanceId', 'Enter the instance ID.'],
      ['accessToken', 'Enter the access token.'],
    ]);
  });
});

describe('updateChannel', () => {
  it('keeps the secrets when they are omitted and replaces only those given', async () => {
    const input = cloudChannelInput();
    const channel = await createChannel(test.db, owner, input);
    const before = await storedRow(channel.id);

    const renamed = await updateChannel(test.db, owner, channel.id, { name: 'Nombor utama', sendRatePerSecond: 20 });

    expect(renamed).toMatchObject({ name: 'Nombor utama', sendRatePerSecond: 20, hasAccessToken: true, hasAppSecret: true });
    const kept = await storedRow(channel.id);
    expect([kept.accessTokenEnc, kept.appSecretEnc, kept.verifyTokenHash]).toEqual([before.accessTokenEnc, before.appSecretEnc, before.verifyTokenHash]);

    await updateChannel(test.db, owner, channel.id, { appSecret: 'a-new-app-secret', verifyToken: 'a-new-verify-token' });

    const replaced = await storedRow(channel.id);
    expect(decrypt(replaced.appSecretEnc ?? '', getEnv().ENCRYPTION_KEY)).toBe('a-new-app-secret');
    expect(replaced.verifyTokenHash).toBe(sha256('a-new-verify-token'));
    expect(replaced.accessTokenEnc).toBe(before.accessTokenEnc);
    const updates = await test.db.select().from(auditLog).where(and(eq(auditLog.targetId, channel.id), eq(auditLog.action, 'channel.updated'))).orderBy(auditLog.createdAt);
    expect(updates.map((e) => e.metadata)).toEqual([{ fields: ['name', 'sendRatePerSecond'] }, { fields: ['appSecret', 'verifyToken'] }]);
  });

  it('clears the last connection check when the credentials change', async () => {
    const channel = await createChannel(test.db, owner, cloudChannelInput());
    await test.db.update(channels).set({ verifiedName: 'Kedai', qualityRating: 'GREEN', lastCheckedAt: new Date() }).where(eq(channels.id, channel.id));

    expect(await updateChannel(test.db, owner, channel.id, { name: 'Same number' })).toMatchObject({ verifiedName: 'Kedai', qualityRating: 'GREEN' });
    expect(await updateChannel(test.db, owner, channel.id, { accessToken: 'EAAG-rotated' })).toMatchObject({ verifiedName: null, qualityRating: null, lastCheckedAt: null });
  });

  it('refuses a change of type and fields of another type', async () => {
    const channel = await createChannel(test.db, owner, cloudChannelInput());

    await expect(updateChannel(test.db, owner, channel.id, { type: 'wabot', instanceId: 'X1' })).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: [
        { field: 'type', message: "A channel's type cannot change. Add a new wabot channel instead." },
        { field: 'instanceId', message: 'Does not apply to a cloud channel.' },
      ],
    });
    expect(await updateChannel(test.db, owner, channel.id, { type: 'cloud', name: 'Still cloud' })).toMatchObject({ type: 'cloud', name: 'Still cloud' });
  });

  it('checks a new API base URL against the allow-list', async () => {
    const channel = await createChannel(test.db, owner, cloudChannelInput());

    await expect(updateChannel(test.db, owner, channel.id, { apiBaseUrl: 'https://10.0.0.5/v26.0' })).rejects.toMatchObject({ fieldErrors: [{ field: 'apiBaseUrl' }] });
    expect((await getChannel(test.db, owner, channel.id)).apiBaseUrl).toBe(DEFAULT_GRAPH_API_BASE_URL);
  });

  it("refuses another channel's phone number ID, in any tenant", async () => {
    const other = await createTestTenant(test.db, 'Kedai Lain');
    const taken = await createChannel(test.db, other, cloudChannelInput());
    const channel = await createChannel(test.db, owner, cloudChannelInput());

    await expect(updateChannel(test.db, owner, channel.id, { phoneNumberId: taken.phoneNumberId ?? '' })).rejects.toMatchObject({
      code: 'conflict',
      fieldErrors: [{ field: 'phoneNumberId' }],
    });
    const moved = uniqueMetaId();
    expect((await updateChannel(test.db, owner, channel.id, { phoneNumberId: moved })).phoneNumberId).toBe(moved);
  });

  it('lets the sandbox channel be renamed, nothing more', async () => {
    const sandbox = await ensureSandboxChannel(test.db, owner.tenantId);

    expect(await updateChannel(test.db, owner, sandbox.id, { name: 'Latihan' })).toMatchObject({ name: 'Latihan', type: 'sandbox' });
    await expect(updateChannel(test.db, owner, sandbox.id, { accessToken: 'x' })).rejects.toMatchObject({
      fieldErrors: [{ field: 'accessToken', message: 'Does not apply to a sandbox channel.' }],
    });
  });
});

describe('deleteChannel', () => {
  it('deletes a channel, records it, then answers not_found', async () => {
    const channel = await createChannel(test.db, owner, cloudChannelInput());

    await deleteChannel(test.db, owner, channel.id);

    await expect(getChannel(test.db, owner, channel.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteChannel(test.db, owner, channel.id)).rejects.toMatchObject({ code: 'not_found' });
    const [entry] = await test.db.select().from(auditLog).where(and(eq(auditLog.targetId, channel.id), eq(auditLog.action, 'channel.deleted')));
    expect(entry).toMatchObject({ tenantId: owner.tenantId, actorUserId: owner.userId });
  });

  it('keeps the sandbox channel', async () => {
    const sandbox = await ensureSandboxChannel(test.db, owner.tenantId);

    await expect(deleteChannel(test.db, owner, sandbox.id)).rejects.toMatchObject({ code: 'conflict' });
    expect((await listChannels(test.db, owner)).map((c) => c.id)).toEqual([sandbox.id]);
  });
});

describe('listChannels', () => {
  it('pages oldest first with a keyset cursor', async () => {
    const made = [];
    for (const name of ['One', 'Two', 'Three']) made.push(await createChannel(test.db, owner, cloudChannelInput({ name })));

    const first = await listChannels(test.db, owner, { limit: 2 });
    const last = first[first.length - 1];
    const rest = await listChannels(test.db, owner, { limit: 2, after: last ? { createdAt: last.createdAt, id: last.id } : null });

    expect([...first, ...rest].map((c) => c.name)).toEqual(['One', 'Two', 'Three']);
  });
});
