import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { type TestConversation, addTestMessage, createTestConversation } from '@/lib/testing/factories';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { GET } from './route';

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;
let older: TestConversation;
let newer: TestConversation;
let resolved: TestConversation;

interface Page {
  data: { id: string; status: string; customer: { name: string }; windowOpen: boolean }[];
  nextCursor: string | null;
}

beforeAll(async () => {
  t = await createApiTenants(test.db);
  older = await createTestConversation(test.db, t.a, { name: 'Older' });
  newer = await createTestConversation(test.db, t.a, { name: 'Newer' });
  resolved = await createTestConversation(test.db, t.a, { name: 'Done', status: 'resolved' });
  await addTestMessage(test.db, t.a, older, { direction: 'inbound', createdAt: new Date(Date.now() - 60 * 60_000) });
  await addTestMessage(test.db, t.a, newer, { direction: 'inbound', text: 'Ada promosi?', createdAt: new Date(Date.now() - 60_000) });
  await addTestMessage(test.db, t.a, resolved, { direction: 'inbound', createdAt: new Date(Date.now() - 2 * 60 * 60_000) });
  await addTestMessage(test.db, t.b, await createTestConversation(test.db, t.b), { direction: 'inbound' });
});

const list = async (query = '', key = t.keyA) => callRoute(GET, { path: `/api/v1/conversations${query}`, key });
const ids = async (query: string) => ((await (await list(query)).json()) as Page).data.map((c) => c.id);

describe('GET /api/v1/conversations', () => {
  it('answers 401 without an API key', async () => {
    await expectProblem(await list('', ''), 401);
  });

  it("lists the tenant's conversations by latest activity, all of them by default", async () => {
    const res = await list();

    expect(res.status).toBe(200);
    const body = (await res.json()) as Page;
    expect(body.data.map((c) => c.id)).toEqual([newer.conversationId, older.conversationId, resolved.conversationId]);
    expect(body.data[0]).toMatchObject({ status: 'open', customer: { name: 'Newer' }, windowOpen: true });
  });

  it('filters and searches', async () => {
    expect(await ids('?filter=open')).toEqual([newer.conversationId, older.conversationId]);
    expect(await ids('?filter=resolved')).toEqual([resolved.conversationId]);
    expect(await ids('?search=promosi')).toEqual([newer.conversationId]);
  });

  it('walks the list with a cursor', async () => {
    const first = (await (await list('?limit=2')).json()) as Page;
    const rest = (await (await list(`?limit=2&cursor=${first.nextCursor}`)).json()) as Page;

    expect([...first.data, ...rest.data].map((c) => c.id)).toEqual([newer.conversationId, older.conversationId, resolved.conversationId]);
    expect(rest.nextCursor).toBeNull();
  });

  it('answers 422 for an unknown filter, and for "mine", which an API key cannot have', async () => {
    expect((await expectProblem(await list('?filter=urgent'), 422)).errors.map((e) => e.field)).toEqual(['filter']);
    expect((await expectProblem(await list('?filter=mine'), 422)).errors.map((e) => e.field)).toEqual(['filter']);
  });
});
