import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, addMember, auditActions } from '@/lib/testing/factories';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { type BreachCreate, breachCreateSchema, breachJson, createBreach, getBreach, listBreaches, updateBreach } from './breaches';

const test = useTestDatabase();
let t: TwoTenants;
let agent: MemberContext;

const failsWith = (code: string, field?: string) => (error: unknown) =>
  error instanceof AppError && error.code === code && (field === undefined || error.fieldErrors.some((f) => f.field === field));

const now = new Date('2026-04-01T12:00:00Z');
const incident = (overrides: Partial<BreachCreate> = {}): BreachCreate => ({
  title: 'Laptop stolen',
  description: 'A staff laptop with an exported customer list was stolen.',
  dataKinds: ['name', 'phone', 'phone'],
  affectedCount: 240,
  discoveredAt: '2026-03-30T22:15:00Z',
  ...overrides,
});

beforeAll(async () => {
  t = await createTwoTenants(test.db);
  agent = await addMember(test.db, t.a, 'agent');
});

describe('createBreach', () => {
  it('starts the 72-hour clock at discovery and audits the record', async () => {
    const row = await createBreach(test.db, t.a, incident(), now);

    expect(row).toMatchObject({ status: 'open', dataKinds: ['name', 'phone'], affectedCount: 240, commissionerNotifiedAt: null });
    expect(row.notifyBy.toISOString()).toBe('2026-04-02T22:15:00.000Z');
    expect(await auditActions(test.db, t.a.tenantId)).toContain('breach.recorded');
  });

  it('shows the notification overdue once notify-by passes without the Commissioner told', async () => {
    const row = await createBreach(test.db, t.a, incident(), now);
    expect(breachJson(row, new Date('2026-04-02T22:14:59Z')).notificationOverdue).toBe(false);
    expect(breachJson(row, new Date('2026-04-02T22:15:00Z')).notificationOverdue).toBe(true);
    const told = await updateBreach(test.db, t.a, row.id, { commissionerNotifiedAt: '2026-04-01T09:00:00Z' }, now);
    expect(breachJson(told, new Date('2026-04-05T00:00:00Z')).notificationOverdue).toBe(false);
  });

  it('refuses a discovery in the future, no data kinds, and agents', async () => {
    await expect(createBreach(test.db, t.a, incident({ discoveredAt: '2026-04-02T00:00:00Z' }), now)).rejects.toSatisfy(failsWith('validation', 'discoveredAt'));
    expect(breachCreateSchema.safeParse(incident({ dataKinds: [] })).success).toBe(false);
    expect(breachCreateSchema.safeParse({ ...incident(), dataKinds: ['passwords'] }).success).toBe(false);
    await expect(createBreach(test.db, agent, incident(), now)).rejects.toSatisfy(failsWith('forbidden'));
  });
});

describe('updateBreach', () => {
  it('records each notification once, moves to notified, then closes for good', async () => {
    const row = await createBreach(test.db, t.a, incident(), now);

    const told = await updateBreach(test.db, t.a, row.id, { commissionerNotifiedAt: '2026-04-01T10:00:00Z' }, now);
    expect(told).toMatchObject({ status: 'notified', commissionerNotifiedAt: new Date('2026-04-01T10:00:00Z') });
    await expect(updateBreach(test.db, t.a, row.id, { commissionerNotifiedAt: '2026-04-01T11:00:00Z' }, now)).rejects.toSatisfy(failsWith('conflict', 'commissionerNotifiedAt'));

    const subjects = await updateBreach(test.db, t.a, row.id, { subjectsNotifiedAt: '2026-04-01T11:30:00Z', affectedCount: 251 }, now);
    expect(subjects).toMatchObject({ status: 'notified', affectedCount: 251 });

    expect((await updateBreach(test.db, t.a, row.id, { status: 'closed' }, now)).status).toBe('closed');
    await expect(updateBreach(test.db, t.a, row.id, { description: 'more' }, now)).rejects.toSatisfy(failsWith('conflict'));
    expect(await auditActions(test.db, t.a.tenantId)).toContain('breach.closed');
  });

  it('refuses a notification before discovery or in the future', async () => {
    const row = await createBreach(test.db, t.a, incident(), now);
    await expect(updateBreach(test.db, t.a, row.id, { commissionerNotifiedAt: '2026-03-30T00:00:00Z' }, now)).rejects.toSatisfy(failsWith('validation', 'commissionerNotifiedAt'));
    await expect(updateBreach(test.db, t.a, row.id, { subjectsNotifiedAt: '2026-04-03T00:00:00Z' }, now)).rejects.toSatisfy(failsWith('validation', 'subjectsNotifiedAt'));
  });

  it("keeps tenants apart: another tenant's breach is not found", async () => {
    const ofB = await createBreach(test.db, t.b, incident({ title: 'B only' }), now);
    await expect(getBreach(test.db, t.a, ofB.id)).rejects.toSatisfy(failsWith('not_found'));
    await expect(updateBreach(test.db, t.a, ofB.id, { status: 'closed' }, now)).rejects.toSatisfy(failsWith('not_found'));
    expect((await listBreaches(test.db, t.a, { limit: 100 })).map((b) => b.title)).not.toContain('B only');
    expect((await getBreach(test.db, t.b, ofB.id)).status).toBe('open');
  });
});
