import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { invitations, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, TEST_PASSWORD, addMember, auditActions, createTestTenant, createTestUser, membershipRole, uniqueEmail } from '@/lib/testing/factories';
import { acceptInvitation, createInvitation, findOpenInvitation, listOpenInvitations, revokeInvitation } from './invitations';

const test = useTestDatabase();
let owner: MemberContext;

beforeEach(async () => {
  owner = await createTestTenant(test.db, 'Kedai Kain Siti');
});

const newcomer = { name: 'Siti Aminah', password: TEST_PASSWORD };
const invite = (email: string, role: 'owner' | 'admin' | 'agent' = 'agent', by: MemberContext = owner) => createInvitation(test.db, by, { email, role });

describe('createInvitation', () => {
  it('returns a one-time link and stores only the hash of its token', async () => {
    const email = uniqueEmail('siti');

    const { invitation, token, path } = await invite(email, 'admin');

    expect(path).toBe(`/invite/${token}`);
    expect(token).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(JSON.stringify(invitation)).not.toContain(token);
    expect(invitation).toMatchObject({ tenantId: owner.tenantId, email, role: 'admin', invitedBy: owner.userId });
    expect(invitation.expiresAt.getTime() - Date.now()).toBeGreaterThan(6 * 86_400_000);
    expect((await listOpenInvitations(test.db, owner)).map((i) => i.email)).toEqual([email]);
    expect(await findOpenInvitation(test.db, token)).toMatchObject({ email, role: 'admin', tenantName: 'Kedai Kain Siti', hasAccount: false });
    expect(await auditActions(test.db, owner.tenantId)).toContain('member.invited');
  });

  it('rejects inviting someone who is already a member, on the email field', async () => {
    const member = await addMember(test.db, owner, 'agent');
    const [user] = await test.db.select().from(users).where(eq(users.id, member.userId));

    await expect(invite(user?.email.toUpperCase() ?? '')).rejects.toMatchObject({ code: 'conflict', fieldErrors: [{ field: 'email' }] });
    expect(await listOpenInvitations(test.db, owner)).toEqual([]);
  });

  it('lets admins invite but not agents, and only owners invite owners', async () => {
    const admin = await addMember(test.db, owner, 'admin');
    const agent = await addMember(test.db, owner, 'agent');

    await expect(invite(uniqueEmail(), 'agent', agent)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(invite(uniqueEmail(), 'owner', admin)).rejects.toMatchObject({ code: 'forbidden', fieldErrors: [{ field: 'role' }] });
    await invite(uniqueEmail(), 'admin', admin);
    await invite(uniqueEmail(), 'owner', owner);

    expect(await listOpenInvitations(test.db, owner)).toHaveLength(2);
  });

  it('replaces an open invitation for the same address', async () => {
    const email = uniqueEmail();
    const first = await invite(email, 'agent');
    const second = await invite(email, 'admin');

    expect(await findOpenInvitation(test.db, first.token)).toBeNull();
    expect((await listOpenInvitations(test.db, owner)).map((i) => i.id)).toEqual([second.invitation.id]);
  });
});

describe('acceptInvitation', () => {
  it('creates the new user with the invited role, and the link works once', async () => {
    const email = uniqueEmail('siti');
    const { token } = await invite(email, 'admin');

    const accepted = await acceptInvitation(test.db, token, newcomer);

    const [user] = await test.db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ id: accepted.userId, name: 'Siti Aminah' });
    expect(await verifyPassword(user?.passwordHash ?? '', TEST_PASSWORD)).toBe(true);
    expect(await membershipRole(test.db, owner.tenantId, accepted.userId)).toBe('admin');
    expect(await listOpenInvitations(test.db, owner)).toEqual([]);
    expect(await auditActions(test.db, owner.tenantId)).toContain('invitation.accepted');

    await expect(acceptInvitation(test.db, token, newcomer)).rejects.toMatchObject({ code: 'not_found' });
    await expect(acceptInvitation(test.db, token, { signedInUserId: accepted.userId })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses an expired link', async () => {
    const email = uniqueEmail();
    const { invitation, token } = await invite(email);
    await test.db.update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, invitation.id));

    expect(await findOpenInvitation(test.db, token)).toBeNull();
    await expect(acceptInvitation(test.db, token, newcomer)).rejects.toMatchObject({ code: 'not_found' });
    expect(await test.db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it('refuses a revoked link', async () => {
    const email = uniqueEmail();
    const { invitation, token } = await invite(email);

    await revokeInvitation(test.db, owner, invitation.id);

    await expect(acceptInvitation(test.db, token, newcomer)).rejects.toMatchObject({ code: 'not_found' });
    expect(await test.db.select().from(users).where(eq(users.email, email))).toEqual([]);
    expect(await auditActions(test.db, owner.tenantId)).toContain('invitation.revoked');
    await expect(revokeInvitation(test.db, owner, invitation.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses an unknown token', async () => {
    await expect(acceptInvitation(test.db, 'x'.repeat(40), newcomer)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('makes someone with an account sign in as the invited address', async () => {
    const existing = await createTestUser(test.db);
    const someoneElse = await createTestUser(test.db);
    const { token } = await invite(existing.email, 'agent');
    expect(await findOpenInvitation(test.db, token)).toMatchObject({ hasAccount: true });

    await expect(acceptInvitation(test.db, token, newcomer)).rejects.toMatchObject({ code: 'conflict' });
    await expect(acceptInvitation(test.db, token, { signedInUserId: someoneElse.id })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await membershipRole(test.db, owner.tenantId, someoneElse.id)).toBeNull();

    await acceptInvitation(test.db, token, { signedInUserId: existing.id });
    expect(await membershipRole(test.db, owner.tenantId, existing.id)).toBe('agent');
    const [unchanged] = await test.db.select().from(users).where(eq(users.id, existing.id));
    expect(unchanged?.passwordHash).toBe(existing.passwordHash);
  });

  it('lets only one of two simultaneous accepts through', async () => {
    const existing = await createTestUser(test.db);
    const { token } = await invite(existing.email, 'admin');

    const results = await Promise.allSettled([
      acceptInvitation(test.db, token, { signedInUserId: existing.id }),
      acceptInvitation(test.db, token, { signedInUserId: existing.id }),
    ]);

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await auditActions(test.db, owner.tenantId)).filter((a) => a === 'invitation.accepted')).toHaveLength(1);
  });
});
