import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, invitations, users } from '@/db/schema';
import { MAX_JSON_BODY_BYTES } from '@/lib/api/body';
import { createInvitation, findOpenInvitation } from '@/lib/members/invitations';
import { useTestDatabase } from '@/lib/testing/database';
import { uniqueEmail } from '@/lib/testing/factories';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { DELETE as revokeInvitation } from './[id]/route';
import { GET as listInvitations, POST as postInvitation } from './route';

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;
let keyA: string;

beforeAll(async () => {
  t = await createApiTenants(test.db);
  keyA = t.keyA;
});

const post = (call: { json?: unknown; body?: BodyInit; headers?: Record<string, string> }) =>
  callRoute(postInvitation, { method: 'POST', path: '/api/v1/invitations', key: keyA, ...call });
const revoke = (id: string) => callRoute(revokeInvitation, { method: 'DELETE', path: `/api/v1/invitations/${id}`, key: keyA, params: { id } });

async function invitationCount() {
  const [row] = await test.db.select({ n: count() }).from(invitations).where(eq(invitations.tenantId, t.a.tenantId));
  return row?.n ?? 0;
}

// A valid invitation padded with an unknown field (which zod strips) to the given size.
function paddedInvitation(bytes: number): string {
  const head = JSON.stringify({ email: uniqueEmail('big'), role: 'agent', padding: '' }).slice(0, -2);
  return `${head}${'x'.repeat(bytes - head.length - 2)}"}`;
}

function streamOf(text: string, chunkSize = 64 * 1024): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

describe('POST /api/v1/invitations', () => {
  it('creates an invitation and answers its one-time link', async () => {
    const email = uniqueEmail('siti');
    const res = await post({ json: { email, role: 'admin' } });

    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; email: string; role: string; url: string };
    expect(body).toMatchObject({ email, role: 'admin', url: expect.stringMatching(/^http:\/\/localhost\/invite\/[A-Za-z0-9]{40}$/) });
    expect(await findOpenInvitation(test.db, body.url.split('/').pop() ?? '')).toMatchObject({ id: body.id, tenantId: t.a.tenantId });
    const [entry] = await test.db.select().from(auditLog).where(eq(auditLog.targetId, body.id));
    expect(entry).toMatchObject({ action: 'member.invited', actorUserId: null, actorApiKeyId: expect.any(String) });
  });

  it('answers 422 listing every invalid field, and creates nothing', async () => {
    const before = await invitationCount();

    const problem = await expectProblem(await post({ json: { email: 'not-an-email', role: 'boss' } }), 422);

    expect(problem.errors).toEqual([
      { field: 'email', message: 'Enter a valid email address.' },
      { field: 'role', message: 'Choose owner, admin or agent.' },
    ]);
    expect(await invitationCount()).toBe(before);
  });

  it('answers 422 for a body that is not an object', async () => {
    const problem = await expectProblem(await post({ json: ['x'] }), 422);
    expect(problem.errors).toEqual([{ field: '(root)', message: expect.any(String) }]);
  });

  it('answers 400 for malformed JSON', async () => {
    const problem = await expectProblem(await post({ body: '{"email": "a@example.com",', headers: { 'content-type': 'application/json' } }), 400);
    expect(problem.detail).toBe('The body is not valid JSON.');
  });

  it.each([undefined, 'text/plain', 'application/x-www-form-urlencoded'])('answers 415 for content-type %s', async (type) => {
    const headers: Record<string, string> = type ? { 'content-type': type } : {};
    const body = JSON.stringify({ email: uniqueEmail(), role: 'agent' });
    const before = await invitationCount();

    await expectProblem(await post({ body, headers }), 415);
    expect(await invitationCount()).toBe(before);
  });

  it('accepts a JSON body just under 1 MB', async () => {
    expect((await post({ body: paddedInvitation(MAX_JSON_BODY_BYTES - 10), headers: { 'content-type': 'application/json' } })).status).toBe(201);
  });

  it.each([
    ['with a Content-Length header', () => ({ body: paddedInvitation(MAX_JSON_BODY_BYTES + 1), extra: { 'content-length': String(MAX_JSON_BODY_BYTES + 1) } })],
    ['streamed without a Content-Length', () => ({ body: streamOf(paddedInvitation(2 * MAX_JSON_BODY_BYTES)), extra: {} })],
    ['streamed under a lying Content-Length', () => ({ body: streamOf(paddedInvitation(2 * MAX_JSON_BODY_BYTES)), extra: { 'content-length': '100' } })],
  ])('answers 413 for a body over 1 MB %s, and creates nothing', async (_how, make) => {
    const { body, extra } = make();
    const before = await invitationCount();

    await expectProblem(await post({ body, headers: { 'content-type': 'application/json', ...extra } }), 413);

    expect(await invitationCount()).toBe(before);
  });

  it('answers 403 when a key (acting as admin) invites an owner', async () => {
    const problem = await expectProblem(await post({ json: { email: uniqueEmail(), role: 'owner' } }), 403);
    expect(problem.errors).toEqual([{ field: 'role', message: 'Only an owner can invite another owner.' }]);
  });

  it('answers 409 on the email field for someone already in the team', async () => {
    const [owner] = await test.db.select({ email: users.email }).from(users).where(eq(users.id, t.ownerA));
    const before = await invitationCount();

    const problem = await expectProblem(await post({ json: { email: owner?.email, role: 'agent' } }), 409);

    expect(problem.errors).toEqual([{ field: 'email', message: 'This person is already a member of your team.' }]);
    expect(await invitationCount()).toBe(before);
  });
});

describe('GET /api/v1/invitations', () => {
  it("lists only the key's tenant open invitations", async () => {
    const mine = await createInvitation(test.db, t.a, { email: uniqueEmail('mine'), role: 'agent' });
    const theirs = await createInvitation(test.db, t.b, { email: uniqueEmail('theirs'), role: 'agent' });

    const body = (await (await callRoute(listInvitations, { path: '/api/v1/invitations', key: keyA })).json()) as { data: { id: string }[]; nextCursor: null };

    expect(body.data.map((i) => i.id)).toContain(mine.invitation.id);
    expect(body.data.map((i) => i.id)).not.toContain(theirs.invitation.id);
    expect(body.nextCursor).toBeNull();
  });
});

describe('DELETE /api/v1/invitations/:id', () => {
  it("revokes the tenant's invitation with 204, then answers 404", async () => {
    const { invitation, token } = await createInvitation(test.db, t.a, { email: uniqueEmail(), role: 'agent' });

    const res = await revoke(invitation.id);

    expect(res.status).toBe(204);
    expect(await findOpenInvitation(test.db, token)).toBeNull();
    await expectProblem(await revoke(invitation.id), 404);
  });

  it.each([
    ["another tenant's invitation", 'theirs'],
    ['an unknown id', 'unknown'],
    ['a malformed id', 'malformed'],
  ])('answers 404 for %s', async (_what, kind) => {
    const theirs = await createInvitation(test.db, t.b, { email: uniqueEmail(), role: 'agent' });
    const id = { theirs: theirs.invitation.id, unknown: randomUUID(), malformed: '12345' }[kind] ?? '';

    await expectProblem(await revoke(id), 404);

    expect(await findOpenInvitation(test.db, theirs.token)).not.toBeNull();
  });
});
