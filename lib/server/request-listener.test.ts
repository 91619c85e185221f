import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRequestListener, offerWebhookLane } from './request-listener';

const answer = (who: string) => async (_req: unknown, res: { end: (body: string) => void }) => res.end(who);

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer(createRequestListener(answer('next')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
afterEach(() => offerWebhookLane(null));

const who = async (method: string, path: string) => (await fetch(`${base}${path}`, { method, body: method === 'POST' ? '{}' : undefined })).text();

describe('the production server’s webhook lane', () => {
  it('sends every request to Next.js until boot offers the lane', async () => {
    expect(await who('POST', '/api/webhooks/whatsapp')).toBe('next');
  });

  it('takes webhook POSTs on both paths, with or without a query string, and nothing else', async () => {
    offerWebhookLane(answer('lane'));
    expect(await who('POST', '/api/webhooks/whatsapp')).toBe('lane');
    expect(await who('POST', '/webhook/whatsapp')).toBe('lane');
    expect(await who('POST', '/api/webhooks/whatsapp?from=meta')).toBe('lane');
    // The verification handshake, other methods and other paths stay with Next.js.
    expect(await who('GET', '/api/webhooks/whatsapp?hub.mode=subscribe')).toBe('next');
    expect(await who('PUT', '/api/webhooks/whatsapp')).toBe('next');
    expect(await who('POST', '/api/webhooks/whatsapp/')).toBe('next');
    expect(await who('POST', '/api/v1/customers')).toBe('next');
  });

  it('answers 500 when a handler throws, and keeps serving', async () => {
    offerWebhookLane(async () => {
      throw new Error('boom');
    });
    const res = await fetch(`${base}/api/webhooks/whatsapp`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'internal error' });
    expect(await who('GET', '/login')).toBe('next');
  });
});
