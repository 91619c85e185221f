import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contests, messages, templates } from '@/db/schema';
import { drawCommitment, pickWinners } from '@/lib/contests/draw-algorithm';
import { createEntry } from '@/lib/contests/entries';
import { WINNER_TEMPLATE_NAME } from '@/lib/contests/notify-winners';
import { useTestDatabase } from '@/lib/testing/database';
import { type TestConversation, addTestMessage, createTestConversation } from '@/lib/testing/factories';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { GET as getDraw, POST as postDraw } from './[id]/draw/route';
import { GET as verify } from './[id]/draw/verify/route';
import { POST as disqualify } from './[id]/entries/[entryId]/disqualify/route';
import { GET as exportCsv } from './[id]/entries/export.csv/route';
import { GET as listEntries } from './[id]/entries/route';
import { DELETE, GET as getOne, PATCH } from './[id]/route';
import { GET as listWinners } from './[id]/winners/route';
import { PATCH as patchWinner } from './[id]/winners/[winnerId]/route';
import { GET as list, POST } from './route';

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;

interface ContestBody {
  id: string;
  name: string;
  status: string;
  entryCount: number;
  startsAt: string;
  endsAt: string;
  entryMethod: unknown;
  prizes: { name: string; quantity: number }[];
  requireConsent: boolean;
  maxEntriesPerCustomer: number;
}
interface DrawBody {
  winners: { entryId: string; customerId: string; prize: string }[];
  commitment: string;
  seed: string;
}
interface EntryBody {
  id: string;
  customerId: string;
  createdAt: string;
  status: string;
  code: string;
  disqualifiedReason: string | null;
}

const HOUR = 3_600_000;
const valid = () => ({
  name: 'Raya Giveaway',
  description: 'Hantar MASUK RAYA',
  startsAt: '2026-04-01T00:00:00+08:00',
  endsAt: '2026-04-30T23:59:59+08:00',
  prizes: [
    { name: 'Hamper Raya', quantity: 1 },
    { name: 'Baucar RM50', quantity: 2 },
  ],
  maxEntriesPerCustomer: 3,
  entryMethod: { type: 'keyword', keyword: 'masuk raya' },
});
const create = (json: unknown, key = t.keyA) => callRoute(POST, { method: 'POST', path: '/api/v1/contests', key, json });
const created = async (json: unknown = valid(), key = t.keyA) => (await (await create(json, key)).json()) as ContestBody;
const p = (id: string) => ({ params: { id } });
const patch = (id: string, json: unknown, key = t.keyA) => callRoute(PATCH, { method: 'PATCH', path: `/api/v1/contests/${id}`, key, json, ...p(id) });
const draw = (id: string, key = t.keyA) => callRoute(postDraw, { method: 'POST', path: `/api/v1/contests/${id}/draw`, key, ...p(id) });
const entriesPage = async (id: string, query = '', key = t.keyA) => (await (await callRoute(listEntries, { path: `/api/v1/contests/${id}/entries${query}`, key, ...p(id) })).json()) as { data: EntryBody[]; nextCursor: string | null };

// A running contest with entries from `people` customers, each with a conversation whose
// window is open (a message a minute ago) unless told otherwise.
async function contestWithEntries(people: number, options: { entriesEach?: number; windowClosed?: boolean } = {}) {
  const contest = await created({ ...valid(), name: `Draw ${Math.random()}`, entryMethod: { type: 'any_message' }, startsAt: new Date(Date.now() - HOUR).toISOString(), endsAt: new Date(Date.now() + HOUR).toISOString() });
  const [row] = await test.db.select().from(contests).where(eq(contests.id, contest.id));
  const people_: TestConversation[] = [];
  for (let i = 0; i < people; i += 1) {
    const to = await createTestConversation(test.db, t.a);
    await addTestMessage(test.db, t.a, to, { direction: 'inbound', createdAt: new Date(Date.now() - (options.windowClosed ? 30 * HOUR : 60_000)) });
    for (let e = 0; e < (options.entriesEach ?? 1); e += 1) await test.db.transaction((tx) => createEntry(tx, row!, { customerId: to.customerId, now: new Date() }));
    people_.push(to);
  }
  return { contest, people: people_ };
}

const endNow = (id: string) => patch(id, { endsAt: new Date(Date.now() - 1000).toISOString() });

beforeAll(async () => {
  t = await createApiTenants(test.db);
});

describe('/api/v1/contests', () => {
  it('creates with the documented shape, times as ISO instants; GET one and the list agree', async () => {
    const res = await create(valid());
    expect(res.status).toBe(201);
    const body = (await res.json()) as ContestBody;
    expect(body).toMatchObject({
      name: 'Raya Giveaway',
      startsAt: '2026-03-31T16:00:00.000Z',
      endsAt: '2026-04-30T15:59:59.000Z',
      entryMethod: { type: 'keyword', keyword: 'masuk raya' },
      requireConsent: true,
      onePrizePerCustomer: true,
      maxEntriesPerCustomer: 3,
      entryCount: 0,
      segmentId: null,
    });
    expect(await (await callRoute(getOne, { path: `/api/v1/contests/${body.id}`, key: t.keyA, ...p(body.id) })).json()).toEqual(body);
    const listed = (await (await callRoute(list, { path: '/api/v1/contests?limit=50', key: t.keyA })).json()) as { data: ContestBody[] };
    expect(listed.data.find((c) => c.id === body.id)).toEqual(body);
  });

  it('answers 422 with the field that is wrong', async () => {
    const problem = await expectProblem(
      await create({ ...valid(), name: ' ', endsAt: '2026-03-01T00:00:00+08:00', prizes: [], entryMethod: { type: 'keyword', keyword: 'YA' }, termsUrl: 'javascript:alert(1)' }),
      422,
    );
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['endsAt', 'entryMethod.keyword', 'name', 'prizes', 'termsUrl']);
    const money = await expectProblem(await create({ ...valid(), entryMethod: { type: 'receipt', minSpend: 'lots' } }), 422);
    expect(money.errors).toEqual([{ field: 'entryMethod.minSpend', message: expect.stringContaining('ringgit') }]);
    expect((await expectProblem(await create({ ...valid(), entryMethod: { type: 'raffle' } }), 422)).errors[0]?.field).toBe('entryMethod.type');
  });

  it('receipt contests keep the minimum spend as ringgit with two places', async () => {
    const body = await created({ ...valid(), name: 'Belanja', entryMethod: { type: 'receipt', minSpend: 50 } });
    expect(body.entryMethod).toEqual({ type: 'receipt', minSpend: '50.00' });
  });

  it('changes and deletes a contest; another tenant sees none of it', async () => {
    const contest = await created({ ...valid(), name: 'To change', entryMethod: { type: 'keyword', keyword: 'TUKAR' } });
    const changed = (await (await patch(contest.id, { maxEntriesPerCustomer: 1, requireConsent: false })).json()) as ContestBody;
    expect(changed).toMatchObject({ maxEntriesPerCustomer: 1, requireConsent: false, name: 'To change' });
    expect((await expectProblem(await patch(contest.id, { startsAt: '2026-05-01T00:00:00+08:00' }), 422)).errors[0]?.field).toBe('endsAt');

    await expectProblem(await callRoute(getOne, { path: `/api/v1/contests/${contest.id}`, key: t.keyB, ...p(contest.id) }), 404);
    await expectProblem(await patch(contest.id, { name: 'Mine now' }, t.keyB), 404);
    await expectProblem(await callRoute(listEntries, { path: `/api/v1/contests/${contest.id}/entries`, key: t.keyB, ...p(contest.id) }), 404);
    await expectProblem(await draw(contest.id, t.keyB), 404);
    await expectProblem(await callRoute(DELETE, { method: 'DELETE', path: `/api/v1/contests/${contest.id}`, key: t.keyB, ...p(contest.id) }), 404);
    const listedB = (await (await callRoute(list, { path: '/api/v1/contests', key: t.keyB })).json()) as { data: ContestBody[] };
    expect(listedB.data.map((c) => c.id)).not.toContain(contest.id);

    expect((await callRoute(DELETE, { method: 'DELETE', path: `/api/v1/contests/${contest.id}`, key: t.keyA, ...p(contest.id) })).status).toBe(204);
    await expectProblem(await callRoute(getOne, { path: `/api/v1/contests/${contest.id}`, key: t.keyA, ...p(contest.id) }), 404);
  });
});

describe('entries', () => {
  it('lists { id, customerId, createdAt, status } in pages, exports CSV, and disqualifies with a reason', async () => {
    const { contest, people } = await contestWithEntries(3);
    const first = await entriesPage(contest.id, '?limit=2');
    expect(first.data).toHaveLength(2);
    expect(first.data[0]).toEqual({ id: expect.any(String), customerId: expect.any(String), code: expect.stringMatching(/^DRAW-/), createdAt: expect.any(String), status: 'valid', disqualifiedReason: null });
    const second = await entriesPage(contest.id, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.data).toHaveLength(1);
    expect(new Set([...first.data, ...second.data].map((e) => e.customerId))).toEqual(new Set(people.map((x) => x.customerId)));

    const target = second.data[0]!;
    const path = `/api/v1/contests/${contest.id}/entries/${target.id}/disqualify`;
    expect((await expectProblem(await callRoute(disqualify, { method: 'POST', path, key: t.keyA, json: { reason: '' }, params: { id: contest.id, entryId: target.id } }), 422)).errors[0]?.field).toBe('reason');
    const res = await callRoute(disqualify, { method: 'POST', path, key: t.keyA, json: { reason: 'Staff member' }, params: { id: contest.id, entryId: target.id } });
    expect(await res.json()).toMatchObject({ id: target.id, status: 'disqualified', disqualifiedReason: 'Staff member' });
    expect((await entriesPage(contest.id, '?status=disqualified')).data.map((e) => e.id)).toEqual([target.id]);
    expect((await (await callRoute(getOne, { path: `/api/v1/contests/${contest.id}`, key: t.keyA, ...p(contest.id) })).json()) as ContestBody).toMatchObject({ entryCount: 2 });

    const csv = await callRoute(exportCsv, { path: `/api/v1/contests/${contest.id}/entries/export.csv`, key: t.keyA, ...p(contest.id) });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('entry_id,entry_code,customer_id,customer_name,phone,entered_at_myt,status,disqualified_reason');
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.startsWith(target.id))).toMatch(/,disqualified,Staff member$/);
  });
});

describe('the draw', () => {
  it('is refused while the contest runs, then commits, picks, publishes a seed anyone can re-run, and notifies the winners', async () => {
    const { contest, people } = await contestWithEntries(6, { entriesEach: 2 });
    expect((await expectProblem(await draw(contest.id), 409)).detail).toMatch(/still open/);
    const entries = (await entriesPage(contest.id, '?limit=200')).data;
    const banned = entries[0]!;
    await callRoute(disqualify, { method: 'POST', path: '/x', key: t.keyA, json: { reason: 'Duplicate account' }, params: { id: contest.id, entryId: banned.id } });
    expect((await endNow(contest.id)).status).toBe(200);

    const res = await draw(contest.id);
    expect(res.status).toBe(201);
    const published = (await res.json()) as DrawBody;
    expect(published.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(published.winners.map((w) => w.prize)).toEqual(['Hamper Raya', 'Baucar RM50', 'Baucar RM50']);
    expect(new Set(published.winners.map((w) => w.customerId)).size).toBe(3);
    expect(published.winners.map((w) => w.entryId)).not.toContain(banned.id);

    // Anyone can re-run it from the entries list and the seed.
    const validEntries = entries.filter((e) => e.id !== banned.id);
    expect(drawCommitment(validEntries.map((e) => e.id), published.seed)).toBe(published.commitment);
    expect(pickWinners(validEntries, valid().prizes, published.seed, { onePrizePerCustomer: true })).toEqual(published.winners);
    expect(await (await callRoute(getDraw, { path: '/x', key: t.keyA, ...p(contest.id) })).json()).toMatchObject(published);
    expect(await (await callRoute(verify, { path: '/x', key: t.keyA, ...p(contest.id) })).json()).toMatchObject({ commitmentMatches: true, winnersMatch: true, entryCount: 11 });

    // Frozen afterwards.
    await expectProblem(await draw(contest.id), 409);
    await expectProblem(await patch(contest.id, { name: 'Changed' }), 409);
    await expectProblem(await callRoute(disqualify, { method: 'POST', path: '/x', key: t.keyA, json: { reason: 'Too late now' }, params: { id: contest.id, entryId: entries[1]!.id } }), 409);
    await expectProblem(await callRoute(DELETE, { method: 'DELETE', path: '/x', key: t.keyA, ...p(contest.id) }), 409);
    expect(((await (await callRoute(getOne, { path: '/x', key: t.keyA, ...p(contest.id) })).json()) as ContestBody).status).toBe('drawn');

    // The winners were told in their open window, with the seed's text.
    const winnerIds = new Set(published.winners.map((w) => w.customerId));
    const told = await test.db.select().from(messages).where(and(eq(messages.tenantId, t.a.tenantId), eq(messages.direction, 'outbound')));
    const notes = told.filter((m) => m.content.automation === 'contest.winner' && winnerIds.has(m.customerId));
    expect(notes).toHaveLength(3);
    expect(notes.find((m) => m.customerId === published.winners[0]?.customerId)?.text).toContain('Hadiah: Hamper Raya'); // the tenant's language (BM)
    expect(people).toHaveLength(6);

    const winners = (await (await callRoute(listWinners, { path: '/x', key: t.keyA, ...p(contest.id) })).json()) as { data: { id: string; claimStatus: string; position: number }[] };
    expect(winners.data.map((w) => [w.position, w.claimStatus])).toEqual([
      [1, 'notified'],
      [2, 'notified'],
      [3, 'notified'],
    ]);
    const claimed = await callRoute(patchWinner, { method: 'PATCH', path: '/x', key: t.keyA, json: { claimStatus: 'claimed' }, params: { id: contest.id, winnerId: winners.data[0]!.id } });
    expect(await claimed.json()).toMatchObject({ claimStatus: 'claimed', claimedAt: expect.any(String) });
  });

  it('outside the 24-hour window a winner gets the approved contest_winner template, or stays pending without one', async () => {
    const { contest } = await contestWithEntries(2, { windowClosed: true });
    await test.db.insert(templates).values({ tenantId: t.a.tenantId, name: WINNER_TEMPLATE_NAME, language: 'ms', category: 'utility', body: 'Tahniah! Anda menang {{2}} dalam {{1}}. {{3}}', status: 'approved' });
    await endNow(contest.id);
    const published = (await (await draw(contest.id)).json()) as DrawBody;
    expect(published.winners).toHaveLength(2);
    const sent = await test.db.select().from(messages).where(and(eq(messages.tenantId, t.a.tenantId), eq(messages.customerId, published.winners[0]!.customerId), eq(messages.direction, 'outbound')));
    expect(sent.map((m) => [m.type, m.text])).toEqual([['template', 'Tahniah! Anda menang Hamper Raya dalam ' + contest.name + '. Sila hubungi kami.']]);

    await test.db.delete(templates).where(eq(templates.tenantId, t.a.tenantId));
    const other = await contestWithEntries(1, { windowClosed: true });
    await endNow(other.contest.id);
    await draw(other.contest.id);
    const winners = (await (await callRoute(listWinners, { path: '/x', key: t.keyA, ...p(other.contest.id) })).json()) as { data: { claimStatus: string }[] };
    expect(winners.data.map((w) => w.claimStatus)).toEqual(['pending']);
  });

  it('two draws at once give one result', async () => {
    const { contest } = await contestWithEntries(4);
    await endNow(contest.id);
    const results = await Promise.all([draw(contest.id), draw(contest.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('GET draw is 404 before any draw', async () => {
    const { contest } = await contestWithEntries(1);
    await expectProblem(await callRoute(getDraw, { path: '/x', key: t.keyA, ...p(contest.id) }), 404);
  });
});
