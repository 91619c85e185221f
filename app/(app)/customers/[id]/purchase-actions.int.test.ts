import { beforeAll, describe, expect, it, vi } from 'vitest';
import { saveTierSettingsAction } from '@/app/(app)/settings/tiers/actions';
import { getSessionContext } from '@/lib/auth/session';
import { listCustomerPurchases } from '@/lib/purchases/list';
import { customerRow, daysAgo } from '@/lib/purchases/test-helpers';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, addMember, createTestConversation } from '@/lib/testing/factories';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { correctPurchaseAction, deletePurchaseAction, recordPurchaseAction } from './purchase-actions';

// The session and revalidation exist only inside Next.js; here the session is whoever a test says.
vi.mock('@/lib/auth/session', () => ({ getSessionContext: vi.fn(async () => null) }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const test = useTestDatabase({ asAppDatabase: true });
let t: TwoTenants;
let agent: MemberContext;

beforeAll(async () => {
  t = await createTwoTenants(test.db);
  agent = await addMember(test.db, t.a, 'agent');
});

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

const as = (ctx: MemberContext) => vi.mocked(getSessionContext).mockResolvedValueOnce(ctx);

describe('purchase actions on the customer page', () => {
  it('let any member record a purchase, say when the tier changed, and refuse the same receipt twice beside the field', async () => {
    const { customerId } = await createTestConversation(test.db, t.a);
    const receipt = { customerId, date: daysAgo(1), total: '520', merchant: 'Kedai Kopi', receiptNumber: 'K-1', paymentMethod: '' };
    as(agent);
    expect(await recordPurchaseAction(null, form(receipt))).toMatchObject({ ok: true, data: { tierChange: { from: 'bronze', to: 'silver' } } });
    as(agent);
    expect(await recordPurchaseAction(null, form(receipt))).toMatchObject({ ok: false, fieldErrors: { receiptNumber: 'This receipt is already recorded for a customer of yours.' }, values: { total: '520' } });
    as(agent);
    expect(await recordPurchaseAction(null, form({ ...receipt, receiptNumber: '', total: 'abc' }))).toMatchObject({ ok: false, fieldErrors: { total: expect.stringContaining('two decimal places') } });
    expect(await customerRow(test.db, t.a, customerId)).toMatchObject({ totalSpent: '520.00', purchaseCount: 1, tier: 'silver' });
  });

  it('let owners and admins correct and delete; agents and other tenants cannot', async () => {
    const { customerId } = await createTestConversation(test.db, t.a);
    as(t.a);
    await recordPurchaseAction(null, form({ customerId, date: daysAgo(2), total: '100', merchant: '', receiptNumber: 'X-1' }));
    const [purchase] = await listCustomerPurchases(test.db, t.a, customerId, { limit: 1 });
    const fields = { customerId, purchaseId: purchase!.id, date: daysAgo(2), total: '2000', merchant: 'Fixed', receiptNumber: 'X-1' };

    as(agent);
    expect(await correctPurchaseAction(null, form(fields))).toMatchObject({ ok: false, error: 'This needs the admin role or higher.' });
    as(t.b);
    expect(await deletePurchaseAction(null, form({ customerId, purchaseId: purchase!.id }))).toMatchObject({ ok: false, error: 'No purchase with that id.' });
    as(t.a);
    expect(await correctPurchaseAction(null, form(fields))).toMatchObject({ ok: true, data: { tierChange: { to: 'gold' } } });
    as(t.a);
    expect(await deletePurchaseAction(null, form({ customerId, purchaseId: purchase!.id }))).toMatchObject({ ok: true, message: 'Purchase deleted.' });
    expect(await customerRow(test.db, t.a, customerId)).toMatchObject({ totalSpent: '0.00', purchaseCount: 0, tier: 'bronze' });
  });
});

describe('saveTierSettingsAction', () => {
  it('puts a threshold that does not rise beside its field, keeps what was typed, and is for owners and admins', async () => {
    as(t.a);
    expect(await saveTierSettingsAction(null, form({ silver: '500', gold: '300', platinum: '5000', basis: 'lifetime' }))).toMatchObject({
      ok: false,
      fieldErrors: { gold: expect.stringContaining('Gold must start above Silver') },
      values: { gold: '300' },
    });
    as(agent);
    expect(await saveTierSettingsAction(null, form({ silver: '500', gold: '2000', platinum: '5000', basis: 'lifetime' }))).toMatchObject({ ok: false, error: 'This needs the admin role or higher.' });
    as(t.a);
    expect(await saveTierSettingsAction(null, form({ silver: '100', gold: '2000', platinum: '5000', basis: 'lifetime', tierUpMessage: 'on' }))).toMatchObject({ ok: true, data: { changed: expect.any(Number) } });
  });
});
