import { randomBytes, randomUUID } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { webhookEvents } from '@/db/schema';
import { localJobClient } from '@/lib/jobs/local-driver';
import { useTestDatabase } from '@/lib/testing/database';
import { createSignedCloudChannel, createTestTenant } from '@/lib/testing/factories';
import { delivery, textMessage } from '@/lib/whatsapp/ingest/test-payloads';
import { signPayload } from './signature';
import { handleWebhookPost } from './node-handler';

const t = useTestDatabase();
const appSecret = randomBytes(16).toString('hex');
let channelId: string;
let phoneNumberId: string;
const servers: Server[] = [];

// The handler behind a real loopback server, as server.ts and the Pages route run it.
async function serve(db: Database): Promise<string> {
  const server = createServer((req, res) => void handleWebhookPost(req, res, db, localJobClient));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/whatsapp`;
}

const post = (url: string, body: string, signature: string | null) =>
  fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) } });
const stored = async () => t.db.$count(webhookEvents, eq(webhookEvents.channelId, channelId));

let url: string;
beforeAll(async () => {
  const tenant = await createTestTenant(t.db);
  ({ id: channelId, phoneNumberId } = await createSignedCloudChannel(t.db, tenant.tenantId, appSecret));
  url = await serve(t.db);
});
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

describe('POST /api/webhooks/whatsapp on Node’s request', () => {
  it('stores a signed delivery and answers 200 JSON', async () => {
    const body = delivery(phoneNumberId, textMessage('60123459001', 'hello'));
    const res = await post(url, body, signPayload(body, appSecret));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ received: true });
    expect(await stored()).toBe(1);
  });

  it('answers 401 to a wrong or missing signature and 400 to a body that is not JSON, storing nothing', async () => {
    const body = delivery(phoneNumberId, textMessage('60123459002', 'forged'));
    const before = await stored();
    expect((await post(url, body, signPayload(body, 'not-the-secret'))).status).toBe(401);
    expect((await post(url, body, null)).status).toBe(401);
    expect((await post(url, '{"object":', signPayload('{"object":', appSecret))).status).toBe(400);
    expect(await stored()).toBe(before);
  });

  it('answers 413 to a body over 1 MB and closes the connection', async () => {
    const res = await post(url, JSON.stringify({ object: 'whatsapp_business_account', pad: 'x'.repeat(1024 * 1024) }), null);
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
  });

  it('answers 500 when the delivery cannot be stored, so Meta delivers it again', async () => {
    // A database that fails on every call, the way an unreachable one does.
    const unreachable = new Proxy({} as Database, {
      get() {
        throw new Error('connection refused');
      },
    });
    const down = await serve(unreachable);
    const body = delivery(`PN-${randomUUID().slice(0, 8)}`, textMessage('60123459003', 'later'));
    const res = await post(down, body, signPayload(body, appSecret));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'not stored; deliver again' });
  });
});
