import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { customers, jobs, messages, templates } from '@/db/schema';
import { useTestDatabase } from '@/lib/testing/database';
import { type TestConversation, addTestMessage, createTestConversation } from '@/lib/testing/factories';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { GET as getMessages, POST as postMessage } from './[id]/messages/route';
import { GET as getCustomer } from './[id]/route';
import { GET as listCustomers } from './route';

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;
let open: TestConversation;
let closed: TestConversation;
let ofB: TestConversation;

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
interface CustomerBody {
  id: string;
  phone: string;
  messageCount: number;
}
interface MessageBody {
  id: string;
  direction: string;
  type: string;
  text: string;
  status: string;
  wamid: string | null;
  errorCode: number | null;
  createdAt: string;
}

beforeAll(async () => {
  t = await createApiTenants(test.db);
  closed = await createTestConversation(test.db, t.a, { name: 'Lim Closed', phone: '+60127777777' });
  open = await createTestConversation(test.db, t.a, { name: 'Nurul Open', phone: '+60123456789' });
  ofB = await createTestConversation(test.db, t.b, { name: 'Nurul of B', phone: '+60123456789' });
  await addTestMessage(test.db, t.a, closed, { direction: 'inbound', text: 'Old question', createdAt: new Date(Date.now() - 3 * 24 * 60 * 60_000) });
  await addTestMessage(test.db, t.a, open, { direction: 'inbound', text: 'Hi, ada stok?', createdAt: new Date(Date.now() - 60_000) });
  await addTestMessage(test.db, t.a, open, { direction: 'outbound', text: 'Ada!', status: 'failed', errorCode: 131026, createdAt: new Date(Date.now() - 30_000) });
});

const list = (query = '', key = t.keyA) => callRoute(listCustomers, { path: `/api/v1/customers${query}`, key });
const one = (id: string, key = t.keyA) => callRoute(getCustomer, { path: `/api/v1/customers/${id}`, key, params: { id } });
const history = (id: string, query = '', key = t.keyA) => callRoute(getMessages, { path: `/api/v1/customers/${id}/messages${query}`, key, params: { id } });
const send = (id: string, json: unknown, key = t.keyA) => callRoute(postMessage, { method: 'POST', path: `/api/v1/customers/${id}/messages`, key, json, params: { id } });

describe('GET /api/v1/customers', () => {
  it('answers 401 without an API key', async () => {
    await expectProblem(await list('', ''), 401);
  });

  it("lists the key's tenant customers, newest first", async () => {
    const res = await list();

    expect(res.status).toBe(200);
    const body = (await res.json()) as Page<CustomerBody>;
    expect(body.data.map((c) => c.id)).toEqual([open.customerId, closed.customerId]);
    expect(body.data[0]).toMatchObject({ phone: '+60123456789', messageCount: 2, name: 'Nurul Open' });
    expect(body.nextCursor).toBeNull();
  });

  it('finds one by phone, with + written raw or encoded', async () => {
    for (const query of ['?phone=+60123456789', '?phone=%2B60123456789', '?phone=0123456789']) {
      const body = (await (await list(query)).json()) as Page<CustomerBody>;
      expect(body.data.map((c) => c.id), query).toEqual([open.customerId]);
    }
  });

  it('walks the list a page at a time', async () => {
    const first = (await (await list('?limit=1')).json()) as Page<CustomerBody>;
    const second = (await (await list(`?limit=1&cursor=${first.nextCursor}`)).json()) as Page<CustomerBody>;

    expect([...first.data, ...second.data].map((c) => c.id)).toEqual([open.customerId, closed.customerId]);
    expect(second.nextCursor).toBeNull();
  });

  it('answers 422 for a number that is not one, a bad limit or a forged cursor', async () => {
    expect((await expectProblem(await list('?phone=abc'), 422)).errors.map((e) => e.field)).toEqual(['phone']);
    expect((await expectProblem(await list('?limit=500'), 422)).errors.map((e) => e.field)).toEqual(['limit']);
    expect((await expectProblem(await list('?cursor=forged'), 422)).errors.map((e) => e.field)).toEqual(['cursor']);
  });
});

describe('GET /api/v1/customers filters, search and sort', () => {
  const namesOf = async (query: string) => {
    const res = await list(query);
    expect(res.status, query).toBe(200);
    return ((await res.json()) as Page<CustomerBody & { name: string }>).data.map((c) => c.name);
  };

  beforeAll(async () => {
    await test.db
      .update(customers)
      .set({ icEncrypted: 'sealed-ic', icHash: 'ic-hash', icMasked: '900101-10-****', dateOfBirth: '1990-01-01', gender: 'F', maritalStatus: 'married', state: 'MY-10', consentStatus: 'granted', language: 'ms' })
      .where(eq(customers.id, open.customerId));
  });

  it('shows the profile with the IC masked, never the full or sealed number', async () => {
    const body = (await (await list('?state=MY-10')).json()) as Page<Record<string, unknown>>;

    expect(body.data).toEqual([
      expect.objectContaining({ icNumberMasked: '900101-10-****', dateOfBirth: '1990-01-01', age: expect.any(Number), gender: 'F', maritalStatus: 'married', state: 'MY-10', birthCountry: null, consentStatus: 'granted', language: 'ms' }),
    ]);
    expect(JSON.stringify(body)).not.toMatch(/sealed-ic|ic-hash|icEncrypted|icHash/);
  });

  it.each([
    ['?state=MY-10,MY-14', ['Nurul Open']],
    ['?gender=F', ['Nurul Open']],
    ['?maritalStatus=married', ['Nurul Open']],
    ['?consentStatus=unknown', ['Lim Closed']],
    ['?ageMin=30&ageMax=40', ['Nurul Open']],
    ['?lastInteractionWithinDays=1', ['Nurul Open']],
    ['?lastInteractionBefore=2999-01-01', ['Nurul Open', 'Lim Closed']],
    ['?search=NURUL', ['Nurul Open']],
    ['?search=012-777%207777', ['Lim Closed']],
    ['?sort=name', ['Lim Closed', 'Nurul Open']],
    ['?sort=lastInteraction&order=asc', ['Lim Closed', 'Nurul Open']],
    ['?sort=inbound&gender=M', []],
  ])('%s', async (query, expected) => {
    expect(await namesOf(query)).toEqual(expected);
  });

  it.each([
    ['?state=MY-99', 'state', /Unknown value "MY-99".*MY-01/],
    ['?gender=L', 'gender', /Unknown value "L"/],
    ['?maritalStatus=single,engaged', 'maritalStatus', /"engaged"/],
    ['?consentStatus=', 'consentStatus', /No value/],
    ['?ageMin=abc', 'ageMin', /number/i],
    ['?ageMin=50&ageMax=20', 'ageMax', /not be below/],
    ['?lastInteractionWithinDays=0', 'lastInteractionWithinDays', /./],
    ['?lastInteractionBefore=31-12-2025', 'lastInteractionBefore', /date/i],
    ['?sort=phone', 'sort', /./],
    ['?order=sideways', 'order', /./],
  ])('answers 422 for %s on its field', async (query, field, message) => {
    const problem = await expectProblem(await list(query), 422);

    expect(problem.errors).toEqual([{ field, message: expect.stringMatching(message) }]);
  });

  it('answers 422 for a cursor of another sort order', async () => {
    const { nextCursor } = (await (await list('?sort=name&limit=1')).json()) as Page<CustomerBody>;
    const problem = await expectProblem(await list(`?sort=age&cursor=${nextCursor}`), 422);

    expect(problem.errors.map((e) => e.field)).toEqual(['cursor']);
  });

  it("never lists another tenant's customers, whatever the filter", async () => {
    const body = (await (await list('?search=Nurul', t.keyB)).json()) as Page<CustomerBody>;

    expect(body.data.map((c) => c.id)).toEqual([ofB.customerId]);
  });
});

describe('GET /api/v1/customers/:id', () => {
  it('answers the customer', async () => {
    const res = await one(open.customerId);

    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: open.customerId, waId: '60123456789', inboundCount: 1, outboundCount: 1 });
  });

  it.each([
    ["another tenant's customer", () => ofB.customerId],
    ['an unknown id', () => randomUUID()],
    ['a malformed id', () => 'not-a-uuid'],
  ])('answers 404 for %s', async (_what, id) => {
    await expectProblem(await one(id()), 404);
  });
});

describe('GET /api/v1/customers/:id/messages', () => {
  it('lists both directions newest first with status and error code', async () => {
    const res = await history(open.customerId);

    expect(res.status).toBe(200);
    const body = (await res.json()) as Page<MessageBody>;
    expect(body.data).toEqual([
      expect.objectContaining({ direction: 'outbound', type: 'text', text: 'Ada!', status: 'failed', errorCode: 131026, wamid: expect.any(String) }),
      expect.objectContaining({ direction: 'inbound', text: 'Hi, ada stok?', status: 'received', errorCode: null }),
    ]);
    expect(Object.keys(body.data[0] ?? {}).sort()).toEqual(['conversationId', 'createdAt', 'direction', 'errorCode', 'errorTitle', 'id', 'status', 'text', 'type', 'wamid']);
  });

  it("answers 401 without a key and 404 for another tenant's customer", async () => {
    await expectProblem(await history(open.customerId, '', ''), 401);
    await expectProblem(await history(open.customerId, '', t.keyB), 404);
  });
});

describe('POST /api/v1/customers/:id/messages', () => {
  it('queues a text inside the window: 201 with the pending message and a send job', async () => {
    const res = await send(open.customerId, { text: '  Terima kasih!  ' });

    expect(res.status).toBe(201);
    const body = (await res.json()) as MessageBody;
    expect(body).toMatchObject({ direction: 'outbound', type: 'text', text: 'Terima kasih!', status: 'pending', wamid: null });
    const [job] = await test.db.select().from(jobs).where(eq(jobs.dedupeKey, `message.send:${body.id}`));
    expect(job).toMatchObject({ name: 'whatsapp/message.send', tenantId: t.a.tenantId, status: 'pending', payload: { tenantId: t.a.tenantId, messageId: body.id } });
  });

  it('answers 409 outside the window, saying to send a template, and stores nothing', async () => {
    const problem = await expectProblem(await send(closed.customerId, { text: 'Still there?' }), 409);

    expect(problem.detail).toMatch(/24-hour window is closed.*template/);
    const rows = await test.db.select().from(messages).where(and(eq(messages.customerId, closed.customerId), eq(messages.direction, 'outbound')));
    expect(rows).toEqual([]);
  });

  it('sends an approved template outside the window', async () => {
    const [template] = await test.db
      .insert(templates)
      .values({ tenantId: t.a.tenantId, name: 'order_ready', language: 'ms', category: 'utility', body: 'Hai {{1}}, pesanan {{2}} sedia.', status: 'approved' })
      .returning();

    const res = await send(closed.customerId, { templateId: template?.id, parameters: ['Lim', 'A-17'] });

    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ type: 'template', text: 'Hai Lim, pesanan A-17 sedia.', status: 'pending' });
  });

  it('answers 422 for an empty or malformed body and 415 for a body that is not JSON', async () => {
    await expectProblem(await send(open.customerId, { text: '   ' }), 422);
    await expectProblem(await send(open.customerId, {}), 422);
    await expectProblem(await send(open.customerId, { templateId: 'nope' }), 422);
    const res = await callRoute(postMessage, { method: 'POST', path: `/api/v1/customers/${open.customerId}/messages`, key: t.keyA, body: 'text=hi', params: { id: open.customerId } });
    await expectProblem(res, 415);
  });

  it("answers 401 without a key and 404 for another tenant's customer, sending nothing", async () => {
    await expectProblem(await send(open.customerId, { text: 'hi' }, ''), 401);
    await expectProblem(await send(ofB.customerId, { text: 'hi' }), 404);
    await expectProblem(await send(open.customerId, { text: 'hi' }, t.keyB), 404);
    const rows = await test.db.select().from(messages).where(and(eq(messages.customerId, ofB.customerId), eq(messages.direction, 'outbound')));
    expect(rows).toEqual([]);
  });
});
