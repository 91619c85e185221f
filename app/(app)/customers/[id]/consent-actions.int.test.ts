import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { customers } from '@/db/schema';
import { getSessionContext } from '@/lib/auth/session';
import { consentHistoryPage } from '@/lib/consent/manual';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, addMember, createTestConversation } from '@/lib/testing/factories';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { changeConsentAction, loadOlderConsentEventsAction } from './consent-actions';

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

const statusOf = async (id: string) => (await test.db.select({ s: customers.consentStatus }).from(customers).where(eq(customers.id, id)))[0]?.s;

describe('changeConsentAction', () => {
  it('records the signed-in owner as the actor, with the reason', async () => {
    const { customerId } = await createTestConversation(test.db, t.a);
    vi.mocked(getSessionContext).mockResolvedValueOnce(t.a);
    const state = await changeConsentAction(null, form({ customerId, status: 'granted', reason: 'Signed the paper form' }));
    expect(state).toMatchObject({ ok: true, message: 'Consent change recorded.', data: { status: 'granted', source: 'admin', actor: { id: t.a.userId }, reason: 'Signed the paper form' } });
    expect(await statusOf(customerId)).toBe('granted');
  });

  it('keeps what was typed and says what is wrong beside the field', async () => {
    const { customerId } = await createTestConversation(test.db, t.a);
    vi.mocked(getSessionContext).mockResolvedValueOnce(t.a);
    const state = await changeConsentAction(null, form({ customerId, status: 'withdrawn', reason: 'no' }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { reason: expect.stringMatching(/at least 3/) }, values: { reason: 'no', status: 'withdrawn' } });
    expect(await statusOf(customerId)).toBe('unknown');
  });

  it("refuses agents and another tenant's customer", async () => {
    const { customerId } = await createTestConversation(test.db, t.a);
    const ofB = await createTestConversation(test.db, t.b);
    vi.mocked(getSessionContext).mockResolvedValueOnce(agent);
    expect(await changeConsentAction(null, form({ customerId, status: 'granted', reason: 'Agent tries' }))).toMatchObject({ ok: false, error: expect.stringMatching(/admin role/) });
    vi.mocked(getSessionContext).mockResolvedValueOnce(t.a);
    expect(await changeConsentAction(null, form({ customerId: ofB.customerId, status: 'granted', reason: 'Not mine' }))).toMatchObject({ ok: false, error: 'No customer with that id.' });
    expect([await statusOf(customerId), await statusOf(ofB.customerId)]).toEqual(['unknown', 'unknown']);
  });
});

describe('loadOlderConsentEventsAction', () => {
  it('pages through the history for any member', async () => {
    const { customerId } = await createTestConversation(test.db, t.a);
    vi.mocked(getSessionContext).mockResolvedValue(t.a);
    for (let i = 0; i < 22; i++) await changeConsentAction(null, form({ customerId, status: i % 2 === 0 ? 'granted' : 'withdrawn', reason: `Change ${i}` }));
    const first = await consentHistoryPage(test.db, t.a, customerId);
    expect(first.data).toHaveLength(20);
    vi.mocked(getSessionContext).mockResolvedValue(agent);
    const older = await loadOlderConsentEventsAction(null, form({ customerId, cursor: first.nextCursor! }));
    expect(older).toMatchObject({ ok: true, data: { data: [{ reason: 'Change 1' }, { reason: 'Change 0' }], nextCursor: null } });
    vi.mocked(getSessionContext).mockReset();
  });
});
