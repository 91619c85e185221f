import { beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, today } from '@/lib/purchases/test-helpers';
import { useTestDatabase } from '@/lib/testing/database';
import { type TestConversation, createTestConversation } from '@/lib/testing/factories';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { GET as getCustomer } from '../customers/[id]/route';
import { GET as listPurchases, POST as postPurchase } from '../customers/[id]/purchases/route';
import { GET as listCustomers } from '../customers/route';
import { DELETE as deletePurchase, GET as getPurchase, PATCH as patchPurchase } from './[id]/route';
import { POST as importPurchases } from './import/route';

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;
let siti: TestConversation;
let ofB: TestConversation;

interface PurchaseBody {
  id: string;
  total: string;
  date: string;
  customer: { totalSpent: string; purchaseCount: number; averageSpend: string; tier: string };
  tierChange: { from: string; to: string } | null;
}

beforeAll(async () => {
  t = await createApiTenants(test.db);
  siti = await createTestConversation(test.db, t.a, { name: 'Siti', phone: '+60123000111' });
  ofB = await createTestConversation(test.db, t.b, { name: 'Siti of B', phone: '+60123000111' });
});

const post = (customerId: string, json: unknown, headers: Record<string, string> = {}, key = t.keyA) =>
  callRoute(postPurchase, { method: 'POST', path: `/api/v1/customers/${customerId}/purchases`, key, json, headers, params: { id: customerId } });
const list = (customerId: string, query = '', key = t.keyA) => callRoute(listPurchases, { path: `/api/v1/customers/${customerId}/purchases${query}`, key, params: { id: customerId } });
const one = (id: string, key = t.keyA) => callRoute(getPurchase, { path: `/api/v1/purchases/${id}`, key, params: { id } });
const customerJson = async (id: string) => (await (await callRoute(getCustomer, { path: `/api/v1/customers/${id}`, key: t.keyA, params: { id } })).json()) as Record<string, unknown>;

describe('POST /api/v1/customers/:id/purchases', () => {
  it('records the purchase and answers 201 with Location, money as two-place strings and the new spend and tier', async () => {
    const res = await post(siti.customerId, { date: daysAgo(2), total: 612.5, merchant: 'Kedai Kopi', items: [{ name: 'Kopi', quantity: 2, amount: '612.5' }], paymentMethod: 'card' });

    expect(res.status).toBe(201);
    const body = (await res.json()) as PurchaseBody;
    expect(res.headers.get('location')).toBe(`/api/v1/purchases/${body.id}`);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
    expect(body).toMatchObject({ total: '612.50', date: daysAgo(2), source: 'api', currency: 'MYR', items: [{ name: 'Kopi', quantity: 2, amount: '612.50' }] });
    expect(body.customer).toMatchObject({ totalSpent: '612.50', purchaseCount: 1, averageSpend: '612.50', tier: 'silver' });
    expect(body.tierChange).toMatchObject({ from: 'bronze', to: 'silver' });
    expect(await customerJson(siti.customerId)).toMatchObject({ totalSpent: '612.50', purchaseCount: 1, averageSpend: '612.50', tier: 'silver' });
  });

  it('replays the same purchase for a retried Idempotency-Key, and answers 422 when the key is reused for another body', async () => {
    const body = { date: today(), total: '20.00', merchant: 'POS 1' };
    const first = await post(siti.customerId, body, { 'idempotency-key': 'pos1-txn-0001' });
    const again = await post(siti.customerId, body, { 'idempotency-key': 'pos1-txn-0001' });

    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const [a, b] = (await Promise.all([first.json(), again.json()])) as PurchaseBody[];
    expect(b!.id).toBe(a!.id);
    expect(b!.customer.purchaseCount).toBe(a!.customer.purchaseCount);

    const reused = await expectProblem(await post(siti.customerId, { ...body, total: '21.00' }, { 'idempotency-key': 'pos1-txn-0001' }), 422);
    expect(reused.errors).toEqual([{ field: 'Idempotency-Key', message: expect.stringContaining('different purchase') }]);
    const bad = await expectProblem(await post(siti.customerId, body, { 'idempotency-key': 'has spaces' }), 422);
    expect(bad.errors[0]?.field).toBe('Idempotency-Key');
  });

  it('answers 409 problem+json naming the purchase a duplicate receipt already is', async () => {
    const receipt = { date: daysAgo(1), total: '45.90', merchant: 'Kedai Runcit Sdn Bhd', receiptNumber: 'R-778' };
    const first = (await (await post(siti.customerId, receipt)).json()) as PurchaseBody;
    const res = await post(siti.customerId, { ...receipt, merchant: 'KEDAI RUNCIT', receiptNumber: 'r778' });

    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toEqual({
      type: 'urn:sembang:problem:conflict',
      title: 'Conflict',
      status: 409,
      detail: `This receipt is already recorded as purchase ${first.id}.`,
      errors: [],
      existingPurchaseId: first.id,
    });
  });

  it('answers 422 per field and 404 for another tenant’s customer', async () => {
    const invalid = await expectProblem(await post(siti.customerId, { date: '2999-01-01', total: '0' }), 422);
    expect(invalid.errors.map((e) => e.field).sort()).toEqual(['date', 'total']);
    await expectProblem(await post(ofB.customerId, { date: today(), total: '5' }), 404);
    await expectProblem(await post('not-a-uuid', { date: today(), total: '5' }), 404);
  });
});

describe('GET /api/v1/customers/:id/purchases and /api/v1/purchases/:id', () => {
  it('pages newest receipt day first, and hides other tenants’ purchases', async () => {
    const { customerId } = await createTestConversation(test.db, t.a);
    for (const ago of [5, 1, 3]) expect((await post(customerId, { date: daysAgo(ago), total: `${ago}.00` })).status).toBe(201);

    const page1 = (await (await list(customerId, '?limit=2')).json()) as { data: PurchaseBody[]; nextCursor: string };
    expect(page1.data.map((p) => p.date)).toEqual([daysAgo(1), daysAgo(3)]);
    const page2 = (await (await list(customerId, `?limit=2&cursor=${page1.nextCursor}`)).json()) as { data: PurchaseBody[]; nextCursor: string | null };
    expect(page2).toMatchObject({ data: [{ date: daysAgo(5) }], nextCursor: null });

    expect((await one(page1.data[0]!.id)).status).toBe(200);
    await expectProblem(await one(page1.data[0]!.id, t.keyB), 404);
    await expectProblem(await list(customerId, '', t.keyB), 404);
    await expectProblem(await list(customerId, '?cursor=nonsense'), 422);
  });
});

describe('PATCH and DELETE /api/v1/purchases/:id', () => {
  it('correct and delete, with spend and tier restored', async () => {
    const { customerId } = await createTestConversation(test.db, t.a);
    const created = (await (await post(customerId, { date: daysAgo(1), total: '2100.00' })).json()) as PurchaseBody;
    expect(created.customer.tier).toBe('gold');

    const patched = await callRoute(patchPurchase, { method: 'PATCH', path: `/api/v1/purchases/${created.id}`, key: t.keyA, json: { total: '100' }, params: { id: created.id } });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ total: '100.00', customer: { totalSpent: '100.00', tier: 'bronze' }, tierChange: { from: 'gold', to: 'bronze' } });
    await expectProblem(await callRoute(patchPurchase, { method: 'PATCH', path: `/api/v1/purchases/${created.id}`, key: t.keyB, json: { total: '1' }, params: { id: created.id } }), 404);

    await expectProblem(await callRoute(deletePurchase, { method: 'DELETE', path: `/api/v1/purchases/${created.id}`, key: t.keyB, params: { id: created.id } }), 404);
    const deleted = await callRoute(deletePurchase, { method: 'DELETE', path: `/api/v1/purchases/${created.id}`, key: t.keyA, params: { id: created.id } });
    expect(deleted.status).toBe(204);
    expect(await customerJson(customerId)).toMatchObject({ totalSpent: '0.00', purchaseCount: 0, averageSpend: '0.00', lastPurchaseAt: null, tier: 'bronze' });
  });
});

describe('GET /api/v1/customers?tier=', () => {
  it('filters by loyalty tier', async () => {
    const res = await callRoute(listCustomers, { path: '/api/v1/customers?tier=silver,gold', key: t.keyA });
    const ids = ((await res.json()) as { data: { id: string; tier: string }[] }).data;
    expect(ids.map((c) => c.id)).toContain(siti.customerId);
    expect(new Set(ids.map((c) => c.tier))).toEqual(new Set(['silver']));
    const bad = await expectProblem(await callRoute(listCustomers, { path: '/api/v1/customers?tier=diamond', key: t.keyA }), 422);
    expect(bad.errors[0]?.field).toBe('tier');
  });
});

describe('POST /api/v1/purchases/import', () => {
  const upload = (lines: string[], fields: Record<string, string> = {}, key = t.keyA) => {
    const form = new FormData();
    form.set('file', new File([lines.join('\r\n')], 'purchases.csv', { type: 'text/csv' }));
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    return callRoute(importPurchases, { method: 'POST', path: '/api/v1/purchases/import', key, body: form });
  };

  it('imports by phone number or customer id, reports bad rows, and adds nothing when the same file comes again', async () => {
    const { customerId } = await createTestConversation(test.db, t.a, { phone: '+60123000222' });
    const lines = [
      'No. Telefon,Customer ID,Tarikh,Jumlah,Kedai,No. Resit',
      `012-300 0222,,${daysAgo(10)},RM 300.00,Kedai A,`,
      `,${customerId},${daysAgo(9).split('-').reverse().join('/')},250.50,Kedai B,B-1`,
      `012-300 0222,,${daysAgo(10)},RM 300.00,Kedai A,`,
      '012-999 9999,,2026-01-01,10.00,,',
      `012-300 0222,,31/02/2026,10.00,,`,
      `012-300 0222,,${daysAgo(1)},0,,`,
    ];

    const dry = await upload(lines, { dryRun: 'true' });
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ dryRun: true, imported: 3, skipped: 3, mapping: { phone: 'No. Telefon', customerId: 'Customer ID', date: 'Tarikh', total: 'Jumlah', merchant: 'Kedai', receiptNumber: 'No. Resit' } });
    expect(await customerJson(customerId)).toMatchObject({ purchaseCount: 0 });

    const res = await upload(lines);
    expect(res.status).toBe(201);
    const result = (await res.json()) as { issues: { row: number; column: string; severity: string }[] };
    expect(result).toMatchObject({ dryRun: false, totalRows: 6, imported: 3, skipped: 3, unknownCustomers: 1, duplicates: 0, tiersChanged: 1 });
    expect(result.issues.map((i) => [i.row, i.column, i.severity])).toEqual([
      [5, 'No. Telefon', 'error'],
      [6, 'Tarikh', 'error'],
      [7, 'Jumlah', 'error'],
    ]);
    expect(await customerJson(customerId)).toMatchObject({ totalSpent: '850.50', purchaseCount: 3, tier: 'silver' });

    const again = await upload(lines);
    expect(await again.json()).toMatchObject({ imported: 0, alreadyImported: 3, duplicates: 0 });
    expect(await customerJson(customerId)).toMatchObject({ totalSpent: '850.50', purchaseCount: 3 });
  });

  it('reports a receipt already recorded as not added, and needs the date, total and customer columns', async () => {
    const recorded = (await (await post(siti.customerId, { date: daysAgo(4), total: '12.00', merchant: 'Kedai C', receiptNumber: 'C-9' })).json()) as PurchaseBody;
    const res = await upload(['phone,date,total,merchant,receipt', `0123000111,${daysAgo(4)},12.00,Kedai C,C-9`]);
    const result = (await res.json()) as { duplicates: number; issues: { message: string }[] };
    expect(result.duplicates).toBe(1);
    expect(result.issues[0]?.message).toContain(recorded.id);

    const missing = await expectProblem(await upload(['phone,amount', '0123000111,5.00']), 422);
    expect(missing.errors).toEqual([{ field: 'mapping.date', message: 'Choose the column with the purchase dates.' }]);
  });
});
