import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog, users } from '@/db/schema';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, addMember, auditActions, createTestTenant, membershipRole } from '@/lib/testing/factories';
import { changeMemberRole, getMember, listMembers, removeMember } from './members';

const test = useTestDatabase();
let owner: MemberContext;
let admin: MemberContext;
let agent: MemberContext;

// A fresh tenant per test: owner, admin and agent.
beforeEach(async () => {
  owner = await createTestTenant(test.db);
  admin = await addMember(test.db, owner, 'admin');
  agent = await addMember(test.db, owner, 'agent');
});

const roleOf = (m: MemberContext) => membershipRole(test.db, owner.tenantId, m.userId);

// Two owners of a fresh tenant act at once, a few times over since a race is not lost every
// time. On PostgreSQL each call gets its own pooled connection, opened beforehand.
async function raceTwoOwners(act: (a: MemberContext, b: MemberContext) => [Promise<unknown>, Promise<unknown>]) {
  const rounds = [];
  for (let i = 0; i < 5; i++) {
    const a = await createTestTenant(test.db, 'Two Owners');
    const b = await addMember(test.db, a, 'owner');
    await Promise.all([1, 2, 3].map(() => test.db.select({ id: users.id }).from(users).limit(1)));
    const results = await Promise.allSettled(act(a, b));
    const roles = [await membershipRole(test.db, a.tenantId, a.userId), await membershipRole(test.db, a.tenantId, b.userId)];
    rounds.push({ outcomes: results.map((r) => r.status).sort(), owners: roles.filter((r) => r === 'owner').length });
  }
  return rounds;
}

describe('listMembers and getMember', () => {
  it('lists the team oldest first with name, email and role', async () => {
    const members = await listMembers(test.db, owner);

    expect(Object.fromEntries(members.map((m) => [m.userId, m.role]))).toEqual({ [owner.userId]: 'owner', [admin.userId]: 'admin', [agent.userId]: 'agent' });
    const joined = members.map((m) => m.joinedAt.getTime());
    expect(joined).toEqual([...joined].sort((x, y) => x - y));
    expect(await getMember(test.db, agent, admin.userId)).toMatchObject({ userId: admin.userId, role: 'admin', email: expect.stringContaining('@') });
  });
});

describe('changeMemberRole', () => {
  it('lets an owner grant the owner role, and records who changed what', async () => {
    const changed = await changeMemberRole(test.db, owner, { userId: admin.userId, role: 'owner' });

    expect(changed.role).toBe('owner');
    expect(await roleOf(admin)).toBe('owner');
    const [entry] = await test.db.select().from(auditLog).where(and(eq(auditLog.tenantId, owner.tenantId), eq(auditLog.action, 'member.role_changed')));
    expect(entry).toMatchObject({ tenantId: owner.tenantId, actorUserId: owner.userId, targetId: admin.userId, metadata: { from: 'admin', to: 'owner' } });
  });

  it('lets an admin change an agent to admin and back', async () => {
    await changeMemberRole(test.db, admin, { userId: agent.userId, role: 'admin' });
    expect(await roleOf(agent)).toBe('admin');
    await changeMemberRole(test.db, admin, { userId: agent.userId, role: 'agent' });
    expect(await roleOf(agent)).toBe('agent');
  });

  it('forbids an admin to grant or take away the owner role', async () => {
    await expect(changeMemberRole(test.db, admin, { userId: agent.userId, role: 'owner' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(changeMemberRole(test.db, admin, { userId: admin.userId, role: 'owner' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(changeMemberRole(test.db, admin, { userId: owner.userId, role: 'agent' })).rejects.toMatchObject({ code: 'forbidden' });

    expect([await roleOf(owner), await roleOf(admin), await roleOf(agent)]).toEqual(['owner', 'admin', 'agent']);
  });

  it('forbids an agent to change any role, even their own', async () => {
    await expect(changeMemberRole(test.db, agent, { userId: agent.userId, role: 'admin' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(changeMemberRole(test.db, agent, { userId: admin.userId, role: 'agent' })).rejects.toMatchObject({ code: 'forbidden' });

    expect([await roleOf(admin), await roleOf(agent)]).toEqual(['admin', 'agent']);
  });

  it('keeps the last owner: they cannot demote themselves', async () => {
    await expect(changeMemberRole(test.db, owner, { userId: owner.userId, role: 'admin' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await roleOf(owner)).toBe('owner');
  });

  it('lets one of two owners step down', async () => {
    await changeMemberRole(test.db, owner, { userId: admin.userId, role: 'owner' });

    await changeMemberRole(test.db, owner, { userId: owner.userId, role: 'admin' });

    expect([await roleOf(owner), await roleOf(admin)]).toEqual(['admin', 'owner']);
    expect((await auditActions(test.db, owner.tenantId)).sort()).toEqual(['member.role_changed', 'member.role_changed', 'tenant.created']);
  });

  it('keeps an owner when two owners step down at the same time', async () => {
    const rounds = await raceTwoOwners((a, b) => [
      changeMemberRole(test.db, a, { userId: a.userId, role: 'admin' }),
      changeMemberRole(test.db, b, { userId: b.userId, role: 'admin' }),
    ]);

    for (const round of rounds) expect(round).toEqual({ outcomes: ['fulfilled', 'rejected'], owners: 1 });
  });

  it('answers not_found for a user who is not a member', async () => {
    const stranger = await createTestTenant(test.db, 'Other Shop');
    await expect(changeMemberRole(test.db, owner, { userId: stranger.userId, role: 'agent' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('removeMember', () => {
  it('lets an admin remove an agent; the user account stays', async () => {
    await removeMember(test.db, admin, agent.userId);

    expect(await roleOf(agent)).toBeNull();
    expect(await test.db.select().from(users).where(eq(users.id, agent.userId))).toHaveLength(1);
    const [entry] = await test.db.select().from(auditLog).where(eq(auditLog.targetId, agent.userId));
    expect(entry).toMatchObject({ action: 'member.removed', actorUserId: admin.userId, metadata: { role: 'agent' } });
  });

  it('forbids an admin to remove an owner', async () => {
    await expect(removeMember(test.db, admin, owner.userId)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await roleOf(owner)).toBe('owner');
  });

  it('forbids an agent to remove someone else, but lets them leave', async () => {
    await expect(removeMember(test.db, agent, admin.userId)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await roleOf(admin)).toBe('admin');

    await removeMember(test.db, agent, agent.userId);
    expect(await roleOf(agent)).toBeNull();
  });

  it('keeps the last owner: they cannot be removed, not even by themselves', async () => {
    await expect(removeMember(test.db, owner, owner.userId)).rejects.toMatchObject({ code: 'conflict' });
    expect(await roleOf(owner)).toBe('owner');
  });

  it('keeps an owner when two owners remove each other at the same time', async () => {
    const rounds = await raceTwoOwners((a, b) => [removeMember(test.db, a, b.userId), removeMember(test.db, b, a.userId)]);

    for (const round of rounds) expect(round.owners).toBe(1);
  });

  it('lets an owner remove another owner', async () => {
    await changeMemberRole(test.db, owner, { userId: admin.userId, role: 'owner' });

    await removeMember(test.db, owner, admin.userId);

    expect(await roleOf(admin)).toBeNull();
    expect(await auditActions(test.db, owner.tenantId)).toContain('member.removed');
  });
});
