import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { customers } from '@/db/schema';
import { getSessionContext } from '@/lib/auth/session';
import { useTestDatabase } from '@/lib/testing/database';
import { addMember, createTestConversation } from '@/lib/testing/factories';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { deleteCustomersAction } from './actions';

// The session and revalidation exist only inside Next.js; here the session is whoever a test says.
vi.mock('@/lib/auth/session', () => ({ getSessionContext: vi.fn(async () => null) }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const test = useTestDatabase({ asAppDatabase: true });
let t: TwoTenants;

beforeAll(async () => {
  t = await createTwoTenants(test.db);
});

const form = (ids: string[]) => {
  const data = new FormData();
  data.set('customerIds', ids.join(','));
  return data;
};
const remaining = async (ids: string[]) => (await test.db.select({ id: customers.id }).from(customers).where(inArray(customers.id, ids))).map((r) => r.id).sort();

describe('deleteCustomersAction', () => {
  it('deletes the selected customers of the signed-in owner’s tenant and skips another tenant’s', async () => {
    const one = await createTestConversation(test.db, t.a);
    const ofB = await createTestConversation(test.db, t.b);
    vi.mocked(getSessionContext).mockResolvedValue(t.a);

    const state = await deleteCustomersAction(null, form([one.customerId, ofB.customerId]));

    expect(state).toMatchObject({ ok: true, data: { deleted: 1 } });
    expect(await remaining([one.customerId, ofB.customerId])).toEqual([ofB.customerId]);
  });

  it('lets an admin delete', async () => {
    const one = await createTestConversation(test.db, t.a);
    vi.mocked(getSessionContext).mockResolvedValue(await addMember(test.db, t.a, 'admin'));

    expect(await deleteCustomersAction(null, form([one.customerId]))).toMatchObject({ ok: true, data: { deleted: 1 } });
  });

  it('refuses an agent and deletes nothing', async () => {
    const one = await createTestConversation(test.db, t.a);
    vi.mocked(getSessionContext).mockResolvedValue(await addMember(test.db, t.a, 'agent'));

    const state = await deleteCustomersAction(null, form([one.customerId]));

    expect(state).toMatchObject({ ok: false, error: expect.stringMatching(/admin role/) });
    expect(await remaining([one.customerId])).toEqual([one.customerId]);
  });

  it('refuses an empty selection and malformed ids with a field error', async () => {
    vi.mocked(getSessionContext).mockResolvedValue(t.a);

    expect(await deleteCustomersAction(null, form([]))).toMatchObject({ ok: false, fieldErrors: { customerIds: 'Select at least one customer.' } });
    expect(await deleteCustomersAction(null, form(['nope', randomUUID()]))).toMatchObject({ ok: false, fieldErrors: { 'customerIds.0': expect.any(String) } });
  });
});
