import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { customers, webhookEvents } from '@/db/schema';
import { getSessionContext } from '@/lib/auth/session';
import { resetEnvCache } from '@/lib/env';
import { type CustomerOnFile, createCustomerOnFile } from '@/lib/pdpa/testing';
import { getStorage } from '@/lib/storage';
import { useTestDatabase } from '@/lib/testing/database';
import { addMember } from '@/lib/testing/factories';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { POST as anonymizeRoute } from './[id]/anonymize/route';
import { GET as exportRoute } from './[id]/export/route';
import { DELETE as deleteRoute, GET as getRoute } from './[id]/route';

// The dashboard downloads the export with its session; here the session is whatever a test says.
vi.mock('@/lib/auth/session', () => ({ getSessionContext: vi.fn(async () => null) }));

const test = useTestDatabase({ asAppDatabase: true });
const dataDir = mkdtempSync(path.join(tmpdir(), 'sembang-erasure-routes-'));
let t: ApiTenants;

beforeAll(async () => {
  process.env.DATA_DIR = dataDir;
  delete process.env.S3_BUCKET;
  resetEnvCache();
  t = await createApiTenants(test.db);
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const onFile = () => createCustomerOnFile(test.db, t.a, getStorage());
const download = (id: string, key?: string) => callRoute(exportRoute, { path: `/api/v1/customers/${id}/export`, key, params: { id } });
const anonymize = (id: string, json: unknown, key = t.keyA) => callRoute(anonymizeRoute, { method: 'POST', path: `/api/v1/customers/${id}/anonymize`, key, json, params: { id } });
const remove = (id: string, key = t.keyA) => callRoute(deleteRoute, { method: 'DELETE', path: `/api/v1/customers/${id}`, key, params: { id } });

describe('GET /api/v1/customers/:id/export', () => {
  let c: CustomerOnFile;
  beforeAll(async () => {
    c = await onFile();
  });

  it('answers a zip download with no caching', async () => {
    const res = await download(c.customerId, t.keyA);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="sembang-customer-${c.customerId.slice(0, 8)}-\\d{8}\\.zip"$`));
    expect(Object.keys(unzipSync(new Uint8Array(await res.arrayBuffer())))).toContain('customer.json');
  });

  it('serves a signed-in owner, refuses a signed-in agent, and needs a key or a session', async () => {
    vi.mocked(getSessionContext).mockResolvedValueOnce(t.a);
    expect((await download(c.customerId)).status).toBe(200);

    vi.mocked(getSessionContext).mockResolvedValueOnce(await addMember(test.db, t.a, 'agent'));
    await expectProblem(await download(c.customerId), 403);

    await expectProblem(await download(c.customerId), 401);
  });

  it("answers 404 for another tenant's customer or a malformed id", async () => {
    await expectProblem(await download(c.customerId, t.keyB), 404);
    await expectProblem(await download('not-a-uuid', t.keyA), 404);
  });
});

describe('POST /api/v1/customers/:id/anonymize', () => {
  it('needs a reason', async () => {
    const c = await onFile();
    const problem = await expectProblem(await anonymize(c.customerId, {}), 422);
    expect(problem.errors.map((e) => e.field)).toEqual(['reason']);
  });

  it('anonymises once, then answers alreadyAnonymized', async () => {
    const c = await onFile();
    const first = await anonymize(c.customerId, { reason: 'Erasure request by email' });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ customerId: c.customerId, alreadyAnonymized: false, messagesRedacted: 4, mediaDeleted: 1, webhookEventsDeleted: 1 });

    const again = await anonymize(c.customerId, { reason: 'Erasure request by email' });
    expect(await again.json()).toMatchObject({ alreadyAnonymized: true, messagesRedacted: 0 });
    const [row] = await test.db.select().from(customers).where(eq(customers.id, c.customerId));
    expect(row).toMatchObject({ phone: null, waId: null, icEncrypted: null });
  });

  it("answers 404 for another tenant's customer and leaves it alone", async () => {
    const c = await onFile();
    await expectProblem(await anonymize(c.customerId, { reason: 'not yours' }, t.keyB), 404);
    const [row] = await test.db.select().from(customers).where(eq(customers.id, c.customerId));
    expect(row?.waId).toBe(c.waId);
  });
});

describe('DELETE /api/v1/customers/:id', () => {
  it('deletes the customer, their files and the raw deliveries naming them', async () => {
    const c = await onFile();

    const res = await remove(c.customerId);

    expect(res.status).toBe(204);
    await expectProblem(await callRoute(getRoute, { path: `/api/v1/customers/${c.customerId}`, key: t.keyA, params: { id: c.customerId } }), 404);
    expect(await getStorage().get(c.storageKey)).toBeNull();
    const raw = await test.db.select({ payload: webhookEvents.payload }).from(webhookEvents).where(eq(webhookEvents.tenantId, t.a.tenantId));
    expect(JSON.stringify(raw)).not.toContain(c.waId);
    await expectProblem(await remove(c.customerId), 404);
  });

  it("answers 404 for another tenant's customer", async () => {
    const c = await onFile();
    await expectProblem(await remove(c.customerId, t.keyB), 404);
    expect(await test.db.$count(customers, eq(customers.id, c.customerId))).toBe(1);
  });
});
