import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { useTestDatabase } from '@/lib/testing/database';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { jpegBytes } from '@/lib/whatsapp/media/test-helpers';
import { drainJobs } from '@/lib/whatsapp/sandbox/test-helpers';
import type { SimulatorThread } from '@/lib/whatsapp/sandbox/thread';
import { POST as read } from '../read/route';
import { GET as state } from '../state/route';
import { POST as send } from './route';

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'sembang-simulator-'));
process.env.MEDIA_MAX_BYTES = String(64 * 1024);
resetEnvCache();

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;

beforeAll(async () => {
  t = await createApiTenants(test.db);
});

function form(fields: Record<string, string | Blob>): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  return body;
}

const post = (body: FormData, key = t.keyA) => callRoute(send, { method: 'POST', path: '/simulator/messages', key, body });
const stateOf = async (phone: string, key = t.keyA) =>
  (await (await callRoute(state, { path: `/simulator/state?phone=${encodeURIComponent(phone)}`, key })).json()) as { thread: SimulatorThread; customers: { phone: string }[] };

describe('the simulator routes', () => {
  it('send a text and an image as the customer, and show them in the thread', async () => {
    const text = await post(form({ phone: '0123456780', profileName: 'Kak Long', type: 'text', text: 'hello' }));
    expect(text.status).toBe(201);
    expect(await text.json()).toEqual({ wamid: expect.stringMatching(/^wamid\.sandbox\./), phone: '+60123456780' });
    const image = new File([new Uint8Array(jpegBytes(4096))], 'resit.jpg', { type: 'image/jpeg' });
    expect((await post(form({ phone: '+60123456780', profileName: 'Kak Long', type: 'image', file: image, caption: 'Resit' }))).status).toBe(201);
    await drainJobs(test.db);

    const { thread, customers } = await stateOf('+60 12-345 6780');
    expect(thread).toMatchObject({ phone: '+60123456780', customer: { name: 'Kak Long' } });
    // Both within one second (WhatsApp's timestamps have no finer grain): either order.
    expect(thread.messages.map((m) => [m.type, m.text])).toEqual(
      expect.arrayContaining([
        ['text', 'hello'],
        ['image', 'Resit'],
      ]),
    );
    // Sembang's automated answers (the consent notice, the reply to the photo) come with them.
    expect(thread.messages.filter((m) => m.direction === 'inbound')).toHaveLength(2);
    expect(customers.map((c) => c.phone)).toContain('+60123456780');
    expect((await stateOf('+60123456780', t.keyB)).thread.customer).toBeNull();
  });

  it('refuses a file over the limit, a missing file and an unknown type', async () => {
    const big = new File([new Uint8Array(jpegBytes(200 * 1024))], 'big.jpg', { type: 'image/jpeg' });
    await expectProblem(await post(form({ phone: '+60123456781', type: 'image', file: big })), 413);
    await expectProblem(await post(form({ phone: '+60123456781', type: 'document' })), 422);
    await expectProblem(await post(form({ phone: '+60123456781', type: 'sticker' })), 422);
    await expectProblem(await post(form({ phone: 'nope', type: 'text', text: 'hi' })), 422);
  });

  it('reports shown business messages read, for its own tenant only', async () => {
    const res = await callRoute(read, { method: 'POST', path: '/simulator/read', key: t.keyA, json: { wamids: ['wamid.sandbox.unknown'] } });
    expect(await res.json()).toEqual({ marked: 0 });
    await expectProblem(await callRoute(read, { method: 'POST', path: '/simulator/read', key: t.keyA, json: { wamids: 'x' } }), 422);
  });
});
