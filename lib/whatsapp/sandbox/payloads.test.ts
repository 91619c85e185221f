import { describe, expect, it } from 'vitest';
import { type FixtureName, loadFixture } from '@/lib/whatsapp/webhook/fixtures';
import { parseWebhookPayload } from '@/lib/whatsapp/webhook/parse';
import { type SimulatedMessage, inboundMessagePayload, statusPayload } from './payloads';

const number = { accountId: '102290129340398', phoneNumberId: 'sandbox-abc', displayPhoneNumber: '60300000000' };
const customer = { waId: '60123456789', profileName: 'Aisyah Rahman' };
const at = new Date('2026-11-21T08:00:00Z');
const meta = { wamid: 'wamid.sandbox.1', at };

// Every key path of a JSON value, array items merged: two payloads with the same paths have
// the same shape.
function shape(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((v) => shape(v, `${prefix}[]`)))].sort();
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [`${prefix}.${k}`, ...shape(v, `${prefix}.${k}`)]).sort();
  }
  return [];
}

// Meta's newer payloads add a download url to media; the sandbox has nothing to download from.
const withoutUrl = (paths: string[]) => paths.filter((p) => !p.endsWith('.url'));

const messages: [FixtureName, SimulatedMessage][] = [
  ['text', { type: 'text', text: 'Hai, boleh saya tahu harga pakej?' }],
  ['image', { type: 'image', mediaId: '1003383421387256', mimeType: 'image/jpeg', sha256: 'c2hh', caption: 'Resit pembayaran' }],
  ['document', { type: 'document', mediaId: '622684793477189', mimeType: 'application/pdf', sha256: 'c2hh', fileName: 'receipt.pdf', caption: 'my receipt' }],
  ['interactive-button-reply', { type: 'button_reply', replyToWamid: 'wamid.out', id: 'cancel-button', title: 'Cancel' }],
  ['button', { type: 'button', replyToWamid: 'wamid.out', payload: 'Unsubscribe', text: 'Unsubscribe' }],
];

describe('inboundMessagePayload', () => {
  it.each(messages)('has the shape of Meta’s %s webhook', (fixture, message) => {
    expect(withoutUrl(shape(inboundMessagePayload(number, customer, message, meta)))).toEqual(withoutUrl(shape(loadFixture(fixture))));
  });

  it('parses into the message the simulator sent', () => {
    const reply = inboundMessagePayload(number, customer, { type: 'button_reply', replyToWamid: 'wamid.out', id: 'yes', title: 'Yes' }, meta);
    const [event] = parseWebhookPayload(reply).events;
    expect(event).toMatchObject({
      kind: 'message',
      phoneNumberId: 'sandbox-abc',
      contact: { waId: '60123456789', profileName: 'Aisyah Rahman', userId: null },
      message: { wamid: 'wamid.sandbox.1', type: 'interactive', text: 'Yes', replyToWamid: 'wamid.out', timestamp: at },
    });
  });

  it('carries the media id, type and checksum the media job fetches with', () => {
    const image = inboundMessagePayload(number, customer, { type: 'image', mediaId: '123', mimeType: 'image/png', sha256: 'c2hh' }, meta);
    const [event] = parseWebhookPayload(image).events;
    expect(event).toMatchObject({ kind: 'message', message: { type: 'image', media: { providerMediaId: '123', mimeType: 'image/png', sha256: 'c2hh' } } });
  });

  it('leaves the profile out for a customer without a profile name', () => {
    const payload = inboundMessagePayload(number, { waId: '60123456789', profileName: null }, { type: 'text', text: 'hi' }, meta);
    expect(parseWebhookPayload(payload).events[0]).toMatchObject({ contact: { waId: '60123456789', profileName: null } });
  });
});

describe('statusPayload', () => {
  const pricing = { billable: false, type: 'free_customer_service', category: 'service' } as const;

  it('has the shape of Meta’s status webhooks, with pricing on sent and none on read', () => {
    expect(shape(statusPayload(number, [{ wamid: 'w', status: 'sent', recipientWaId: '60123456789', at, pricing }]))).toEqual(shape(loadFixture('status-sent')));
    expect(shape(statusPayload(number, [{ wamid: 'w', status: 'read', recipientWaId: '60123456789', at }]))).toEqual(shape(loadFixture('status-read')));
  });

  it('parses into one status update per message', () => {
    const payload = statusPayload(number, [
      { wamid: 'w1', status: 'read', recipientWaId: '60123456789', at },
      { wamid: 'w2', status: 'read', recipientWaId: '60123456789', at },
    ]);
    expect(parseWebhookPayload(payload).events).toEqual([
      { kind: 'status', phoneNumberId: 'sandbox-abc', status: { wamid: 'w1', status: 'read', timestamp: at, recipientWaId: '60123456789', errorCode: null, errorTitle: null } },
      { kind: 'status', phoneNumberId: 'sandbox-abc', status: { wamid: 'w2', status: 'read', timestamp: at, recipientWaId: '60123456789', errorCode: null, errorTitle: null } },
    ]);
  });
});
