import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { DELETE as deleteOne, GET as getOne, PATCH as patchOne } from './[id]/route';
import { GET as list, POST as create } from './route';
import { POST as sync } from './sync/route';

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;

beforeAll(async () => {
  t = await createApiTenants(test.db);
});

const welcome = { name: 'welcome', language: 'en', category: 'utility', body: 'Hi {{1}}, welcome to Kedai Kopi Aisyah!', buttons: [{ text: 'Thanks' }] };

interface TemplateJson {
  id: string;
  channelId: string;
  status: string;
  parameterCount: number;
  body: string;
  createdAt: string;
}

async function created(key = t.keyA, body: unknown = welcome): Promise<TemplateJson> {
  const res = await callRoute(create, { method: 'POST', path: '/api/v1/templates', key, json: body });
  expect(res.status).toBe(201);
  return (await res.json()) as TemplateJson;
}

const one = (id: string, method = 'GET', key = t.keyA, json?: unknown) => {
  const handler = method === 'GET' ? getOne : method === 'PATCH' ? patchOne : deleteOne;
  return callRoute(handler, { method, path: `/api/v1/templates/${id}`, key, params: { id }, json });
};

describe('/api/v1/templates', () => {
  it('creates an approved sandbox template and lists it for its tenant only', async () => {
    const template = await created(t.keyA, { ...welcome, name: 'welcome_listed' });
    expect(template).toMatchObject({ status: 'approved', parameterCount: 1, createdAt: expect.stringMatching(/Z$/) });

    const mine = (await (await callRoute(list, { path: '/api/v1/templates', key: t.keyA })).json()) as { data: TemplateJson[]; nextCursor: string | null };
    expect(mine.data.map((x) => x.id)).toContain(template.id);
    const theirs = (await (await callRoute(list, { path: '/api/v1/templates', key: t.keyB })).json()) as { data: TemplateJson[] };
    expect(theirs.data.map((x) => x.id)).not.toContain(template.id);
  });

  it('answers 422 with the field for an invalid template, and 409 for a duplicate', async () => {
    const problem = await expectProblem(await callRoute(create, { method: 'POST', path: '/api/v1/templates', key: t.keyA, json: { ...welcome, name: 'Bad Name' } }), 422);
    expect(problem.errors).toEqual([{ field: 'name', message: expect.stringMatching(/lowercase/) }]);
    await created(t.keyA, { ...welcome, name: 'welcome_twice' });
    await expectProblem(await callRoute(create, { method: 'POST', path: '/api/v1/templates', key: t.keyA, json: { ...welcome, name: 'welcome_twice' } }), 409);
  });

  it('reads, patches and deletes one template; another tenant gets 404', async () => {
    const template = await created(t.keyA, { ...welcome, name: 'welcome_one' });
    expect((await one(template.id)).status).toBe(200);
    await expectProblem(await one(template.id, 'GET', t.keyB), 404);
    await expectProblem(await one('not-a-uuid'), 404);

    const patched = await one(template.id, 'PATCH', t.keyA, { body: 'Hello {{1}}, thanks for writing in.' });
    expect(((await patched.json()) as TemplateJson).body).toBe('Hello {{1}}, thanks for writing in.');
    await expectProblem(await one(template.id, 'PATCH', t.keyB, { footer: 'x' }), 404);

    await expectProblem(await one(template.id, 'DELETE', t.keyB), 404);
    expect((await one(template.id, 'DELETE')).status).toBe(204);
    await expectProblem(await one(template.id), 404);
  });

  it('syncs only cloud channels', async () => {
    const template = await created(t.keyA, { ...welcome, name: 'welcome_sync' });
    await expectProblem(await callRoute(sync, { method: 'POST', path: '/api/v1/templates/sync', key: t.keyA, json: { channelId: template.channelId } }), 409);
    await expectProblem(await callRoute(sync, { method: 'POST', path: '/api/v1/templates/sync', key: t.keyB, json: { channelId: template.channelId } }), 404);
  });
});
