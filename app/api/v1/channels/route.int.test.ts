import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { channels } from '@/db/schema';
import { createChannel } from '@/lib/channels/channels';
import { useTestDatabase } from '@/lib/testing/database';
import { cloudChannelInput } from '@/lib/testing/factories';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { GET as listChannels, POST as postChannel } from './route';

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;

beforeAll(async () => {
  t = await createApiTenants(test.db);
});

const post = (json: unknown, key = t.keyA) => callRoute(postChannel, { method: 'POST', path: '/api/v1/channels', key, json });
const list = (query = '', key = t.keyA) => callRoute(listChannels, { path: `/api/v1/channels${query}`, key });

async function channelCount() {
  const [row] = await test.db.select({ n: count() }).from(channels).where(eq(channels.tenantId, t.a.tenantId));
  return row?.n ?? 0;
}

describe('POST /api/v1/channels', () => {
  it('creates a cloud channel and answers it without its secrets', async () => {
    const input = cloudChannelInput({ name: 'Cawangan Ipoh' });

    const res = await post(input);

    expect(res.status).toBe(201);
    const text = await res.text();
    for (const secret of [input.accessToken, input.appSecret, input.verifyToken]) expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({ id: expect.any(String), type: 'cloud', name: 'Cawangan Ipoh', phoneNumberId: input.phoneNumberId, hasAccessToken: true, hasAppSecret: true, sendRatePerSecond: 80 });
  });

  it('creates a wabot gateway', async () => {
    const res = await post({ type: 'wabot', name: 'Gateway', apiBaseUrl: 'https://app.wabot.my/api', instanceId: 'INST-7', accessToken: 'wabot-secret-token' });

    expect(res.status).toBe(201);
    const text = await res.text();
    expect(text).not.toContain('wabot-secret-token');
    expect(JSON.parse(text)).toMatchObject({ type: 'wabot', apiBaseUrl: 'https://app.wabot.my/api', hasAccessToken: true, hasAppSecret: false });
  });

  it('answers 401 without an API key', async () => {
    await expectProblem(await callRoute(postChannel, { method: 'POST', path: '/api/v1/channels', json: cloudChannelInput() }), 401);
  });

  it('answers 422 naming every invalid field, and creates nothing', async () => {
    const before = await channelCount();

    const problem = await expectProblem(await post({ type: 'cloud', name: '', phoneNumberId: 'abc', sendRatePerSecond: 0 }), 422);

    expect(problem.errors.map((e) => e.field).sort()).toEqual(['accessToken', 'appSecret', 'name', 'phoneNumberId', 'sendRatePerSecond', 'verifyToken', 'wabaId']);
    expect(await channelCount()).toBe(before);
  });

  it('answers 422 for a sandbox channel: those are made by provisioning', async () => {
    const problem = await expectProblem(await post({ type: 'sandbox', name: 'Mine' }), 422);
    expect(problem.errors).toEqual([{ field: 'type', message: 'Choose cloud or wabot.' }]);
  });

  it('answers 422 on apiBaseUrl for a host not on the allow-list', async () => {
    const before = await channelCount();

    const problem = await expectProblem(await post(cloudChannelInput({ apiBaseUrl: 'https://metadata.google.internal/v26.0' })), 422);

    expect(problem.errors).toEqual([{ field: 'apiBaseUrl', message: expect.stringContaining('metadata.google.internal is not an allowed') }]);
    expect(await channelCount()).toBe(before);
  });

  it("answers 409 on phoneNumberId for a number another tenant connected", async () => {
    const theirs = await createChannel(test.db, t.b, cloudChannelInput());

    const problem = await expectProblem(await post(cloudChannelInput({ phoneNumberId: theirs.phoneNumberId ?? '' })), 409);

    expect(problem.errors).toEqual([{ field: 'phoneNumberId', message: 'This phone number ID is already connected to Sembang.' }]);
  });
});

describe('GET /api/v1/channels', () => {
  it("lists only the key's tenant channels, page by page, without secrets", async () => {
    const inputs = [cloudChannelInput(), cloudChannelInput(), cloudChannelInput()];
    for (const input of inputs) await createChannel(test.db, t.a, input);
    const theirs = await createChannel(test.db, t.b, cloudChannelInput());

    const seen: { id: string; phoneNumberId: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const res = await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const text = await res.text();
      for (const input of inputs) expect(text).not.toContain(input.accessToken);
      const body = JSON.parse(text) as { data: { id: string; phoneNumberId: string | null }[]; nextCursor: string | null };
      expect(body.data.length).toBeLessThanOrEqual(2);
      seen.push(...body.data);
      cursor = body.nextCursor;
    } while (cursor);

    expect(seen.map((c) => c.phoneNumberId)).toEqual(expect.arrayContaining(inputs.map((i) => i.phoneNumberId)));
    expect(seen.map((c) => c.id)).not.toContain(theirs.id);
    expect(new Set(seen.map((c) => c.id)).size).toBe(seen.length);
  });

  it('answers 422 for a cursor it did not hand out, and 401 without a key', async () => {
    await expectProblem(await list('?cursor=not-ours'), 422);
    await expectProblem(await callRoute(listChannels, { path: '/api/v1/channels' }), 401);
  });
});
