import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiKeys, invitations } from '@/db/schema';
import { createApiKey, revokeApiKey } from '@/lib/api-keys/api-keys';
import { createChannel, deleteChannel, getChannel, updateChannel } from '@/lib/channels/channels';
import { testChannelConnection } from '@/lib/channels/connection';
import { getCustomer } from '@/lib/customers/customers';
import { deleteCustomers } from '@/lib/customers/delete';
import { createInvitation, revokeInvitation } from '@/lib/members/invitations';
import { changeMemberRole, removeMember } from '@/lib/members/members';
import { useTestDatabase } from './database';
import { addMember, cloudChannelInput, createTestConversation, membershipRole, uniqueEmail } from './factories';
import { type TwoTenants, createTwoTenants, resourceProbes } from './isolation';

const test = useTestDatabase();
let t: TwoTenants;

beforeAll(async () => {
  t = await createTwoTenants(test.db);
});

describe.each(resourceProbes)('tenant isolation: $name', (probe) => {
  it("lists what tenant A creates for A and never for B", async () => {
    const id = await probe.create(test.db, t.a);
    const idOfB = await probe.create(test.db, t.b);

    expect(await probe.list(test.db, t.a)).toContain(id);
    expect(await probe.list(test.db, t.b)).not.toContain(id);
    expect(await probe.list(test.db, t.a)).not.toContain(idOfB);
  });

  const get = probe.get;
  if (get) {
    it("answers not_found when B asks for A's id", async () => {
      const id = await probe.create(test.db, t.a);

      await expect(get(test.db, t.a, id)).resolves.toBeDefined();
      await expect(get(test.db, t.b, id)).rejects.toMatchObject({ name: 'AppError', code: 'not_found' });
    });
  }
});

describe("tenant isolation: B cannot change A's data", () => {
  it("cannot change the role of A's member", async () => {
    const member = await addMember(test.db, t.a, 'agent');

    await expect(changeMemberRole(test.db, t.b, { userId: member.userId, role: 'owner' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(changeMemberRole(test.db, t.b, { userId: t.ownerA, role: 'agent' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await membershipRole(test.db, t.a.tenantId, member.userId)).toBe('agent');
    expect(await membershipRole(test.db, t.a.tenantId, t.ownerA)).toBe('owner');
    expect(await membershipRole(test.db, t.b.tenantId, member.userId)).toBeNull();
  });

  it("cannot remove A's member", async () => {
    const member = await addMember(test.db, t.a, 'admin');

    await expect(removeMember(test.db, t.b, member.userId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(removeMember(test.db, t.b, t.ownerA)).rejects.toMatchObject({ code: 'not_found' });
    expect(await membershipRole(test.db, t.a.tenantId, member.userId)).toBe('admin');
    expect(await membershipRole(test.db, t.a.tenantId, t.ownerA)).toBe('owner');
  });

  it("cannot revoke A's invitation", async () => {
    const { invitation } = await createInvitation(test.db, t.a, { email: uniqueEmail('invitee'), role: 'agent' });

    await expect(revokeInvitation(test.db, t.b, invitation.id)).rejects.toMatchObject({ code: 'not_found' });
    const [row] = await test.db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row?.revokedAt).toBeNull();
  });

  it("cannot revoke A's API key", async () => {
    const { apiKey } = await createApiKey(test.db, t.a, { name: 'Tenant A key' });

    await expect(revokeApiKey(test.db, t.b, apiKey.id)).rejects.toMatchObject({ code: 'not_found' });
    const [row] = await test.db.select().from(apiKeys).where(and(eq(apiKeys.id, apiKey.id), eq(apiKeys.tenantId, t.a.tenantId)));
    expect(row?.revokedAt).toBeNull();
  });

  it("cannot delete A's customers, in bulk or one at a time", async () => {
    const { customerId } = await createTestConversation(test.db, t.a);

    expect(await deleteCustomers(test.db, t.b, [customerId])).toEqual({ deleted: 0 });
    await expect(getCustomer(test.db, t.a, customerId)).resolves.toMatchObject({ id: customerId });
  });

  it("cannot change, test or delete A's channel", async () => {
    const channel = await createChannel(test.db, t.a, cloudChannelInput({ name: 'Tenant A number' }));

    await expect(updateChannel(test.db, t.b, channel.id, { name: 'Taken over' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(testChannelConnection(test.db, t.b, channel.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteChannel(test.db, t.b, channel.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await getChannel(test.db, t.a, channel.id)).toEqual(channel);
  });
});
