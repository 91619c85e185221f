import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { channels } from '@/db/schema';
import { createChannel } from '@/lib/channels/channels';
import { ensureSandboxChannel } from '@/lib/channels/sandbox';
import { useTestDatabase } from '@/lib/testing/database';
import { metaError } from '@/lib/testing/fake-graph-api';
import { useFakeGraphApi } from '@/lib/testing/fake-graph-api-env';
import { cloudChannelInput } from '@/lib/testing/factories';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from './route';
import { POST as testRoute } from './test/route';

const test = useTestDatabase({ asAppDatabase: true });
const fake = useFakeGraphApi();
let t: ApiTenants;

beforeAll(async () => {
  t = await createApiTenants(test.db);
});

const path = (id: string) => `/api/v1/channels/${id}`;
const get = (id: string) => callRoute(getRoute, { path: path(id), key: t.keyA, params: { id } });
const patch = (id: string, json: unknown) => callRoute(patchRoute, { method: 'PATCH', path: path(id), key: t.keyA, json, params: { id } });
const remove = (id: string) => callRoute(deleteRoute, { method: 'DELETE', path: path(id), key: t.keyA, params: { id } });
const testConnection = (id: string) => callRoute(testRoute, { method: 'POST', path: `${path(id)}/test`, key: t.keyA, params: { id } });

async function storedRow(id: string) {
  const [row] = await test.db.select().from(channels).where(eq(channels.id, id));
  return row;
}

describe.each([
  ['GET', get],
  ['PATCH', (id: string) => patch(id, { name: 'Taken over' })],
  ['DELETE', remove],
  ['POST …/test', testConnection],
])('%s /api/v1/channels/:id', (_method, call) => {
  it.each(['theirs', 'unknown', 'malformed'])('answers 404 for %s', async (kind) => {
    const theirs = await createChannel(test.db, t.b, cloudChannelInput({ name: 'Tenant B number' }));
    const id = { theirs: theirs.id, unknown: randomUUID(), malformed: '12345' }[kind] ?? '';

    await expectProblem(await call(id), 404);

    expect(await storedRow(theirs.id)).toMatchObject({ name: 'Tenant B number', lastCheckedAt: null });
  });
});

describe('GET /api/v1/channels/:id', () => {
  it('answers the channel without secrets, and 401 without a key', async () => {
    const input = cloudChannelInput();
    const channel = await createChannel(test.db, t.a, input);

    const res = await get(channel.id);

    expect(res.status).toBe(200);
    const text = await res.text();
    for (const secret of [input.accessToken, input.appSecret, input.verifyToken]) expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({ id: channel.id, phoneNumberId: input.phoneNumberId, createdAt: channel.createdAt.toISOString() });
    await expectProblem(await callRoute(getRoute, { path: path(channel.id), params: { id: channel.id } }), 401);
  });
});

describe('PATCH /api/v1/channels/:id', () => {
  it('changes what is given and keeps the secrets that are not', async () => {
    const channel = await createChannel(test.db, t.a, cloudChannelInput());
    const before = await storedRow(channel.id);

    const res = await patch(channel.id, { name: 'Nombor promosi', messagingLimit: '2000' });

    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: 'Nombor promosi', messagingLimit: '2000', hasAccessToken: true, hasAppSecret: true });
    const after = await storedRow(channel.id);
    expect([after?.accessTokenEnc, after?.appSecretEnc, after?.verifyTokenHash]).toEqual([before?.accessTokenEnc, before?.appSecretEnc, before?.verifyTokenHash]);
  });

  it('answers 422 for a change of type, and for a bad field', async () => {
    const channel = await createChannel(test.db, t.a, cloudChannelInput());

    expect((await expectProblem(await patch(channel.id, { type: 'wabot' }), 422)).errors).toEqual([{ field: 'type', message: expect.stringContaining('cannot change') }]);
    expect((await expectProblem(await patch(channel.id, { sendRatePerSecond: 5000 }), 422)).errors).toEqual([{ field: 'sendRatePerSecond', message: expect.any(String) }]);
    expect((await expectProblem(await patch(channel.id, { apiBaseUrl: 'https://127.0.0.2/v1' }), 422)).errors).toEqual([{ field: 'apiBaseUrl', message: expect.any(String) }]);
  });
});

describe('DELETE /api/v1/channels/:id', () => {
  it('deletes with 204, then answers 404', async () => {
    const channel = await createChannel(test.db, t.a, cloudChannelInput());

    const res = await remove(channel.id);

    expect(res.status).toBe(204);
    expect(await storedRow(channel.id)).toBeUndefined();
    await expectProblem(await remove(channel.id), 404);
  });

  it('answers 409 for the sandbox channel', async () => {
    const sandbox = await ensureSandboxChannel(test.db, t.a.tenantId);

    await expectProblem(await remove(sandbox.id), 409);
    expect(await storedRow(sandbox.id)).toBeDefined();
  });
});

describe('POST /api/v1/channels/:id/test', () => {
  it("answers WhatsApp's verified name and quality rating", async () => {
    const input = cloudChannelInput({ apiBaseUrl: fake.api.baseUrl });
    const channel = await createChannel(test.db, t.a, input);
    fake.api.reply({ json: { id: input.phoneNumberId, verified_name: 'Kedai Runcit Ali', display_phone_number: '+60 3-1234 5678', quality_rating: 'YELLOW' } });

    const res = await testConnection(channel.id);

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ verifiedName: 'Kedai Runcit Ali', displayPhoneNumber: '+60 3-1234 5678', qualityRating: 'YELLOW', lastCheckedAt: expect.any(String) });
    expect(await storedRow(channel.id)).toMatchObject({ verifiedName: 'Kedai Runcit Ali', qualityRating: 'YELLOW' });
  });

  it("answers 502 problem+json with WhatsApp's reason in words, never the token", async () => {
    const input = cloudChannelInput({ apiBaseUrl: fake.api.baseUrl });
    const channel = await createChannel(test.db, t.a, input);
    fake.api.reply(metaError(100, { status: 400, title: 'Unsupported get request. Object does not exist' }));

    const problem = await expectProblem(await testConnection(channel.id), 502);

    expect(problem.detail).toContain('Unsupported get request. Object does not exist');
    expect(JSON.stringify(problem)).not.toContain(input.accessToken);
  });
});
