import { createHmac, randomInt, randomUUID } from 'node:crypto';
import { type APIRequestContext, expect } from '@playwright/test';
import { apiClient } from './api-client';

// Meta's side of the WhatsApp Cloud API for e2e tests: a Cloud API channel connected through the
// REST API, and signed, Meta-shaped deliveries to the webhook.

// A numeric Meta object id (phone number id, WABA id).
export const metaId = () => `1${randomInt(1e9, 1e10 - 1)}${randomInt(1e5, 1e6 - 1)}`;

export interface Channel {
  phoneNumberId: string;
  wabaId: string;
  appSecret: string;
  verifyToken: string;
}

export async function connectCloudChannel(request: APIRequestContext, key: string): Promise<Channel> {
  const tag = randomUUID().slice(0, 8);
  const channel = { phoneNumberId: metaId(), wabaId: metaId(), appSecret: `e2e-app-secret-${tag}`, verifyToken: `e2e-verify-${tag}` };
  const res = await apiClient(request, key).post('/channels', { type: 'cloud', name: `Nombor kedai ${tag}`, accessToken: `EAAG-e2e-${tag}`, ...channel });
  expect(res.status()).toBe(201);
  return channel;
}

export const customerNumber = () => `601${randomInt(10_000_000, 99_999_999)}`;

// A customer's text message as Meta delivers it: the raw body and its X-Hub-Signature-256.
export function signedDelivery(channel: Channel, from: { waId: string; name: string }, body: string, sentAt = new Date()) {
  const payload = {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: channel.wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '60312345678', phone_number_id: channel.phoneNumberId },
              contacts: [{ profile: { name: from.name }, wa_id: from.waId }],
              messages: [{ from: from.waId, id: `wamid.e2e-${randomUUID()}`, timestamp: String(Math.floor(sentAt.getTime() / 1000)), type: 'text', text: { body } }],
            },
          },
        ],
      },
    ],
  };
  const raw = JSON.stringify(payload);
  return { raw, signature: `sha256=${createHmac('sha256', channel.appSecret).update(raw).digest('hex')}` };
}

export function postDelivery(request: APIRequestContext, delivery: { raw: string; signature: string }, path = '/api/webhooks/whatsapp') {
  return request.post(path, { headers: { 'content-type': 'application/json', 'x-hub-signature-256': delivery.signature }, data: delivery.raw });
}

// The customer's message reaches the webhook and Meta gets its 200.
export async function customerWrites(request: APIRequestContext, channel: Channel, from: { waId: string; name: string }, body: string, sentAt = new Date()) {
  const res = await postDelivery(request, signedDelivery(channel, from, body, sentAt));
  expect(res.status()).toBe(200);
}
