import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, addMember, auditActions, createTestConversation, createTestTenant } from '@/lib/testing/factories';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { createDataRequest, dataRequestCreateSchema, dataRequestJson, dataRequestLog, dataRequestPatchSchema, getDataRequest, listDataRequests, logAccessFulfilled, updateDataRequest } from './requests';

const test = useTestDatabase();
let t: TwoTenants;
let agent: MemberContext;
let customerId: string;

const failsWith = (code: string, field?: string) => (error: unknown) =>
  error instanceof AppError && error.code === code && (field === undefined || error.fieldErrors.some((f) => f.field === field));

beforeAll(async () => {
  t = await createTwoTenants(test.db);
  agent = await addMember(test.db, t.a, 'agent');
  ({ customerId } = await createTestConversation(test.db, t.a, { name: 'Nur Aisyah' }));
});

describe('createDataRequest', () => {
  it("is due 21 days after receipt, across a month end, and names the customer when linked", async () => {
    const row = await createDataRequest(test.db, t.a, { kind: 'access', customerId, receivedAt: '2026-01-31T10:00:00+08:00' });

    expect(row).toMatchObject({ kind: 'access', status: 'open', customerId, subjectLabel: 'Nur Aisyah', createdByUserId: t.a.userId });
    expect(row.dueAt.toISOString()).toBe('2026-02-21T02:00:00.000Z');
    expect(await auditActions(test.db, t.a.tenantId)).toContain('data_request.created');
  });

  it('takes a label instead of a customer, received now by default', async () => {
    const now = new Date('2026-12-20T08:00:00Z');
    const row = await createDataRequest(test.db, t.a, { kind: 'erasure', subjectLabel: 'Walk-in, phone ending 6789' }, now);

    expect(row).toMatchObject({ customerId: null, subjectLabel: 'Walk-in, phone ending 6789' });
    expect(row.receivedAt).toEqual(now);
    expect(row.dueAt.toISOString()).toBe('2027-01-10T08:00:00.000Z');
  });

  it('needs a customer or a label, and a receipt time not in the future', async () => {
    expect(dataRequestCreateSchema.safeParse({ kind: 'access' }).error?.issues[0]?.path).toEqual(['subjectLabel']);
    expect(dataRequestCreateSchema.safeParse({ kind: 'deletion', subjectLabel: 'x' }).success).toBe(false);
    const now = new Date('2026-03-01T00:00:00Z');
    await expect(createDataRequest(test.db, t.a, { kind: 'access', subjectLabel: 'x', receivedAt: '2026-03-02T00:00:00Z' }, now)).rejects.toSatisfy(failsWith('validation', 'receivedAt'));
  });

  it("refuses another tenant's customer as not found, and agents", async () => {
    const { customerId: ofB } = await createTestConversation(test.db, t.b);
    await expect(createDataRequest(test.db, t.a, { kind: 'access', customerId: ofB })).rejects.toSatisfy(failsWith('not_found', 'customerId'));
    await expect(createDataRequest(test.db, agent, { kind: 'access', subjectLabel: 'x' })).rejects.toSatisfy(failsWith('forbidden'));
  });
});

describe('updateDataRequest', () => {
  it('completes a request once, with notes and the handler', async () => {
    const request = await createDataRequest(test.db, t.a, { kind: 'correction', customerId });
    const done = await updateDataRequest(test.db, t.a, request.id, { status: 'completed', notes: 'Name corrected' });

    expect(done).toMatchObject({ status: 'completed', notes: 'Name corrected', handledByUserId: t.a.userId });
    expect(done.completedAt).toBeInstanceOf(Date);
    await expect(updateDataRequest(test.db, t.a, request.id, { status: 'rejected', notes: 'x' })).rejects.toSatisfy(failsWith('conflict'));
    expect(await auditActions(test.db, t.a.tenantId)).toContain('data_request.completed');
  });

  it('refuses a rejection without a reason', () => {
    expect(dataRequestPatchSchema.safeParse({ status: 'rejected' }).error?.issues[0]?.path).toEqual(['notes']);
    expect(dataRequestPatchSchema.safeParse({ status: 'rejected', notes: 'Identity not verified' }).success).toBe(true);
  });

  it("answers not found for another tenant's request", async () => {
    const ofB = await createDataRequest(test.db, t.b, { kind: 'access', subjectLabel: 'B' });
    await expect(updateDataRequest(test.db, t.a, ofB.id, { status: 'completed' })).rejects.toSatisfy(failsWith('not_found'));
    await expect(getDataRequest(test.db, t.a, ofB.id)).rejects.toSatisfy(failsWith('not_found'));
    expect((await getDataRequest(test.db, t.b, ofB.id)).status).toBe('open');
  });
});

describe('lists and clocks', () => {
  it('shows overdue only while open and past due', () => {
    const base = { id: 'x', tenantId: 't', customerId: null, subjectLabel: 's', kind: 'access' as const, notes: null, completedAt: null, createdByUserId: null, handledByUserId: null };
    const row = { ...base, status: 'open' as const, receivedAt: new Date('2026-01-01T00:00:00Z'), dueAt: new Date('2026-01-22T00:00:00Z') };
    expect(dataRequestJson(row, new Date('2026-01-21T23:59:00Z')).overdue).toBe(false);
    expect(dataRequestJson(row, new Date('2026-01-22T00:00:00Z')).overdue).toBe(true);
    expect(dataRequestJson({ ...row, status: 'completed' }, new Date('2026-02-01T00:00:00Z')).overdue).toBe(false);
  });

  it("lists the tenant's requests only, open ones soonest-due first in the log", async () => {
    const c = await createTestTenant(test.db, 'Kedai Log');
    const late = await createDataRequest(test.db, c, { kind: 'access', subjectLabel: 'late', receivedAt: '2026-02-01T00:00:00Z' });
    const early = await createDataRequest(test.db, c, { kind: 'access', subjectLabel: 'early', receivedAt: '2026-01-01T00:00:00Z' });
    const closed = await createDataRequest(test.db, c, { kind: 'access', subjectLabel: 'closed', receivedAt: '2025-12-01T00:00:00Z' });
    await updateDataRequest(test.db, c, closed.id, { status: 'completed' });

    expect((await dataRequestLog(test.db, c)).map((r) => r.id)).toEqual([early.id, late.id, closed.id]);
    expect((await listDataRequests(test.db, c, { limit: 10 })).map((r) => r.id)).toEqual([late.id, early.id, closed.id]);
    expect((await listDataRequests(test.db, c, { limit: 10, status: 'open' })).map((r) => r.id)).toEqual([late.id, early.id]);
  });
});

describe('logAccessFulfilled', () => {
  it('logs a completed access request, unless one is open for the customer', async () => {
    const now = new Date('2026-05-05T05:05:05Z');
    const { customerId: fresh } = await createTestConversation(test.db, t.a, { name: 'Lim Wei Jie' });
    const first = await logAccessFulfilled(test.db, t.a, { id: fresh, name: 'Lim Wei Jie' }, now);
    const logged = await getDataRequest(test.db, t.a, first.requestId);
    expect(first.logged).toBe(true);
    expect(logged).toMatchObject({ kind: 'access', status: 'completed', customerId: fresh, subjectLabel: 'Lim Wei Jie', completedAt: now });

    const open = await createDataRequest(test.db, t.a, { kind: 'portability', customerId: fresh });
    expect(await logAccessFulfilled(test.db, t.a, { id: fresh, name: 'Lim Wei Jie' }, now)).toEqual({ requestId: open.id, logged: false });
  });
});
