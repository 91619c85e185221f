import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, customers } from '@/db/schema';
import { useTestDatabase } from '@/lib/testing/database';
import { createTestConversation } from '@/lib/testing/factories';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { POST } from './route';

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;

beforeAll(async () => {
  t = await createApiTenants(test.db);
});

const bulkDelete = (json: unknown, key = t.keyA) => callRoute(POST, { method: 'POST', path: '/api/v1/customers/bulk-delete', key, json });
const remaining = async (ids: string[]) => (await test.db.select({ id: customers.id }).from(customers).where(inArray(customers.id, ids))).map((r) => r.id);

describe('POST /api/v1/customers/bulk-delete', () => {
  it("erases the key's tenant customers and answers how many; another tenant's ids are not found and stay", async () => {
    const one = await createTestConversation(test.db, t.a);
    const two = await createTestConversation(test.db, t.a);
    const ofB = await createTestConversation(test.db, t.b);

    const res = await bulkDelete({ customerIds: [one.customerId, two.customerId, ofB.customerId, randomUUID()] });

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: 2 });
    expect(await remaining([one.customerId, two.customerId, ofB.customerId])).toEqual([ofB.customerId]);
    const [entry] = await test.db.select().from(auditLog).where(eq(auditLog.action, 'customers.deleted'));
    expect(entry).toMatchObject({ tenantId: t.a.tenantId, actorApiKeyId: expect.any(String), metadata: { count: 2 } });
  });

  it('answers 401 without a key, deleting nothing', async () => {
    const one = await createTestConversation(test.db, t.a);

    await expectProblem(await bulkDelete({ customerIds: [one.customerId] }, ''), 401);
    expect(await remaining([one.customerId])).toEqual([one.customerId]);
  });

  it.each([
    ['no ids', { customerIds: [] }],
    ['a malformed id', { customerIds: ['not-a-uuid'] }],
    ['more than 500 ids', { customerIds: Array.from({ length: 501 }, () => randomUUID()) }],
    ['no list', {}],
  ])('answers 422 for %s', async (_what, json) => {
    const problem = await expectProblem(await bulkDelete(json), 422);

    expect(problem.errors[0]?.field).toMatch(/^customerIds/);
  });
});
