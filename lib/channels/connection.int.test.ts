import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { channels } from '@/db/schema';
import { useTestDatabase } from '@/lib/testing/database';
import { metaError } from '@/lib/testing/fake-graph-api';
import { allowApiHosts, useFakeGraphApi } from '@/lib/testing/fake-graph-api-env';
import { type MemberContext, addMember, cloudChannelInput, createTestTenant } from '@/lib/testing/factories';
import { createChannel } from './channels';
import { testChannelConnection } from './connection';
import { ensureSandboxChannel } from './sandbox';

const test = useTestDatabase();
const fake = useFakeGraphApi();
let owner: MemberContext;
// A loopback port nothing listens on, allowed too.
let closedPort: number;
let hosts: string[];

beforeAll(async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  hosts = [...fake.hosts, `127.0.0.1:${closedPort}`];
  allowApiHosts(hosts);
});
beforeEach(async () => {
  owner = await createTestTenant(test.db, 'Kedai Kopi Ah Kow');
  fake.api.requests.length = 0;
});

const phoneNumber = { verified_name: 'Kedai Kopi Ah Kow', display_phone_number: '+60 12-345 6789', quality_rating: 'GREEN' };

describe('testChannelConnection', () => {
  it("asks the phone-number endpoint with the channel's token and keeps the answer", async () => {
    const input = cloudChannelInput({ apiBaseUrl: fake.api.baseUrl });
    const channel = await createChannel(test.db, owner, input);
    fake.api.reply({ json: { ...phoneNumber, id: input.phoneNumberId } });

    const result = await testChannelConnection(test.db, owner, channel.id);

    expect(result).toEqual({ verifiedName: 'Kedai Kopi Ah Kow', displayPhoneNumber: '+60 12-345 6789', qualityRating: 'GREEN', lastCheckedAt: expect.any(Date) });
    const [request] = fake.api.requests;
    expect(request).toMatchObject({ method: 'GET', path: `/v26.0/${input.phoneNumberId}` });
    expect(request?.headers.authorization).toBe(`Bearer ${input.accessToken}`);
    expect(request?.query.get('fields')?.split(',')).toEqual(expect.arrayContaining(['verified_name', 'display_phone_number', 'quality_rating']));
    const [row] = await test.db.select().from(channels).where(eq(channels.id, channel.id));
    expect(row).toMatchObject({ verifiedName: 'Kedai Kopi Ah Kow', displayPhoneNumber: '+60 12-345 6789', qualityRating: 'GREEN', lastCheckedAt: result.lastCheckedAt });
  });

  it("turns Meta's refusal into a 502 in words, and keeps the last good check", async () => {
    const channel = await createChannel(test.db, owner, cloudChannelInput({ apiBaseUrl: fake.api.baseUrl }));
    fake.api.reply({ json: phoneNumber }, metaError(190, { status: 401, title: 'Error validating access token: Session has expired' }));
    const good = await testChannelConnection(test.db, owner, channel.id);

    await expect(testChannelConnection(test.db, owner, channel.id)).rejects.toMatchObject({
      code: 'bad_gateway',
      message: expect.stringMatching(/access token has expired or was revoked[^]*WhatsApp said: “Error validating access token: Session has expired”/),
    });
    const [row] = await test.db.select().from(channels).where(eq(channels.id, channel.id));
    expect(row?.lastCheckedAt).toEqual(good.lastCheckedAt);
  });

  it('says so when the API cannot be reached, without retrying', async () => {
    const channel = await createChannel(test.db, owner, cloudChannelInput({ apiBaseUrl: `http://127.0.0.1:${closedPort}/v26.0` }));

    await expect(testChannelConnection(test.db, owner, channel.id)).rejects.toMatchObject({
      code: 'bad_gateway',
      message: 'Could not reach WhatsApp at the API base URL. Check the URL and try again.',
    });
  });

  it('refuses a stored URL whose host is no longer allowed, without any request', async () => {
    const channel = await createChannel(test.db, owner, cloudChannelInput({ apiBaseUrl: fake.api.baseUrl }));
    allowApiHosts(['graph.facebook.com']);
    try {
      await expect(testChannelConnection(test.db, owner, channel.id)).rejects.toMatchObject({ code: 'validation', fieldErrors: [{ field: 'apiBaseUrl' }] });
      expect(fake.api.requests).toHaveLength(0);
    } finally {
      allowApiHosts(hosts);
    }
  });

  it('answers for the sandbox without any network', async () => {
    const sandbox = await ensureSandboxChannel(test.db, owner.tenantId);

    expect(await testChannelConnection(test.db, owner, sandbox.id)).toMatchObject({ qualityRating: 'GREEN', verifiedName: expect.any(String) });
    expect(fake.api.requests).toHaveLength(0);
  });

  it('explains that a wabot gateway cannot be tested', async () => {
    const channel = await createChannel(test.db, owner, { type: 'wabot', name: 'Gateway', apiBaseUrl: 'https://app.wabot.my/api', instanceId: 'I1', accessToken: 'wabot-token' });

    await expect(testChannelConnection(test.db, owner, channel.id)).rejects.toMatchObject({ code: 'bad_request', message: expect.stringContaining('not supported by the wabot gateway') });
  });

  it('is for admins', async () => {
    const channel = await createChannel(test.db, owner, cloudChannelInput({ apiBaseUrl: fake.api.baseUrl }));
    const agent = await addMember(test.db, owner, 'agent');

    await expect(testChannelConnection(test.db, agent, channel.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect(fake.api.requests).toHaveLength(0);
  });
});
