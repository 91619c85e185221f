import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MessageType } from '@/db/schema';
import type { WebhookEvent } from '@/lib/whatsapp/types';
import { type FixtureName, fixtureNames, loadFixture } from './fixtures';
import { parseWebhookPayload, WebhookPayloadError } from './parse';

const PHONE_NUMBER_ID = '106540352242922';
const AISYAH = { waId: '60123456789', userId: null, profileName: 'Aisyah Rahman' };
const BSUID = 'MY.13491208655302741918';
const OUTBOUND_WAMID = 'wamid.HBgLNjAzMTIzNDU2NzgtMDAwMDAx';

const parse = (name: FixtureName) => parseWebhookPayload(loadFixture(name));

function only<K extends WebhookEvent['kind']>(name: FixtureName, kind: K): Extract<WebhookEvent, { kind: K }> {
  const { events, ignored } = parse(name);
  expect(ignored).toEqual([]);
  expect(events).toHaveLength(1);
  const [event] = events;
  if (event?.kind !== kind) throw new Error(`expected one ${kind} event in ${name}`);
  expect(event.phoneNumberId).toBe(PHONE_NUMBER_ID);
  return event as Extract<WebhookEvent, { kind: K }>;
}

describe('fixtures', () => {
  it('lists every JSON file in the fixtures folder', () => {
    const files = readdirSync(new URL('./fixtures', import.meta.url)).filter((f) => f.endsWith('.json'));
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...fixtureNames].sort());
  });
});

describe('parseWebhookPayload — message types', () => {
  const cases: [FixtureName, MessageType, string | null, Record<string, unknown>][] = [
    ['text', 'text', 'Hai, boleh saya tahu harga pakej?', {}],
    ['text-reply', 'text', 'Ya, saya setuju', {}],
    ['text-forwarded', 'text', 'Promosi ini masih sah?', { forwarded: true }],
    ['text-referred-product', 'text', 'Is this still available?', { referredProduct: { catalogId: '194836987003835', productRetailerId: 'di9ozbzfi4' } }],
    ['image', 'image', 'Resit pembayaran', {}],
    ['image-frequently-forwarded', 'image', null, { frequentlyForwarded: true }],
    ['video', 'video', 'Video kerosakan', {}],
    ['audio-voice', 'audio', null, { audio: { voice: true } }],
    ['document', 'document', 'my receipt', {}],
    ['document-no-caption', 'document', 'invois-2026-06.pdf', {}],
    ['sticker', 'sticker', null, { sticker: { animated: false } }],
    ['location', 'location', '📍 Menara Petronas', {
      location: { latitude: 3.157764, longitude: 101.711861, name: 'Menara Petronas', address: 'Jalan Ampang, 50450 Kuala Lumpur', url: 'https://www.petronastwintowers.com.my/' },
    }],
    ['location-pin', 'location', '📍 3.139003,101.686855', { location: { latitude: 3.139003, longitude: 101.686855, name: null, address: null, url: null } }],
    ['contacts', 'contacts', 'Barbara J. Johnson, Siti Nurhaliza', {
      contacts: [
        { name: 'Barbara J. Johnson', phones: [{ phone: '+1 (415) 555-0829', waId: '14125550829', type: 'MOBILE' }] },
        { name: 'Siti Nurhaliza', phones: [{ phone: '+60 12-777 8888', waId: null, type: 'CELL' }] },
      ],
    }],
    ['interactive-button-reply', 'interactive', 'Cancel', { interactive: { kind: 'button_reply', id: 'cancel-button', title: 'Cancel', description: null } }],
    ['interactive-list-reply', 'interactive', 'Priority Mail Express', {
      interactive: { kind: 'list_reply', id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' },
    }],
    ['interactive-nfm-reply', 'interactive', 'Sent', {
      interactive: { kind: 'nfm_reply', id: 'flow', title: 'Sent', description: null, responseJson: '{"flow_token":"booking-42","slot":"09:00"}' },
    }],
    ['button', 'button', 'Unsubscribe', { button: { payload: 'Unsubscribe', text: 'Unsubscribe' } }],
    ['reaction', 'reaction', '👍', { reaction: { messageId: 'wamid.HBgLNjAzMTIzNDU2NzgtMDAwOTA2', emoji: '👍' } }],
    ['reaction-removed', 'reaction', null, { reaction: { messageId: 'wamid.HBgLNjAzMTIzNDU2NzgtMDAwOTA2', emoji: null } }],
    ['order', 'order', '🛒 Order: 3 items — Love these!', {
      order: {
        catalogId: '194836987003835',
        text: 'Love these!',
        items: [
          { productRetailerId: 'di9ozbzfi4', quantity: 2, itemPrice: 30, currency: 'MYR' },
          { productRetailerId: 'nqryix03ez', quantity: 1, itemPrice: 25, currency: 'MYR' },
        ],
      },
    }],
    ['unsupported', 'unsupported', '⚠️ Unsupported message (edit)', {
      unsupported: { type: 'edit', errors: [{ code: 131051, title: 'Message type unknown', details: 'Message type is currently not supported.' }] },
    }],
    ['unknown-type', 'unsupported', '⚠️ Unsupported message (poll)', { unsupported: { type: 'poll', errors: [] } }],
  ];

  it.each(cases)('%s → %s', (name, type, text, content) => {
    const { contact, message } = only(name, 'message');
    expect(contact).toEqual(AISYAH);
    expect(message.type).toBe(type);
    expect(message.text).toBe(text);
    expect(message.content).toEqual(content);
    expect(message.wamid).toMatch(/^wamid\./);
    expect(message.timestamp).toBeInstanceOf(Date);
  });

  it('converts the unix-seconds timestamp and keeps the wamid', () => {
    const { message } = only('text', 'message');
    expect(message.wamid).toBe('wamid.HBgLNjAxMjM0NTY3ODktMDAwMDAx');
    expect(message.timestamp.toISOString()).toBe(new Date(1750000001 * 1000).toISOString());
    expect(message.replyToWamid).toBeNull();
    expect(message.media).toBeNull();
  });

  it('keeps the message a reply answers (context.id)', () => {
    expect(only('text-reply', 'message').message.replyToWamid).toBe('wamid.HBgLNjAzMTIzNDU2NzgtMDAwOTAw');
    expect(only('interactive-button-reply', 'message').message.replyToWamid).toBe('wamid.HBgLNjAzMTIzNDU2NzgtMDAwOTAy');
  });

  it('describes media for the fetch job', () => {
    expect(only('image', 'message').message.media).toEqual({
      providerMediaId: '1003383421387256',
      mimeType: 'image/jpeg',
      sha256: 'SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=',
      fileName: null,
    });
    expect(only('document', 'message').message.media).toMatchObject({ providerMediaId: '622684793477189', mimeType: 'application/pdf', fileName: 'receipt.pdf' });
    expect(only('audio-voice', 'message').message.media).toMatchObject({ mimeType: 'audio/ogg; codecs=opus' });
  });

  it('keeps the Click to WhatsApp ad that started the chat', () => {
    const { message } = only('text-referral', 'message');
    expect(message.text).toBe('Can I get more info about this?');
    expect(message.content.referral).toMatchObject({
      sourceUrl: 'https://fb.me/3cr4Wqqkv',
      sourceType: 'ad',
      sourceId: '120226305854810726',
      headline: 'Chat with us',
      body: 'Pakej perkahwinan 2026 kini dibuka!',
      ctwaClid: expect.stringMatching(/^Aff-/),
      mediaType: 'image',
    });
  });

  it('reads a phone number change under the old number, with the new id in content', () => {
    const { contact, message } = only('system-user-changed-number', 'message');
    expect(contact).toEqual({ waId: '60123456789', userId: null, profileName: null });
    expect(message.type).toBe('system');
    expect(message.text).toBe('User Aisyah Rahman changed from 60123456789 to 60111222333');
    expect(message.content.system).toEqual({
      body: 'User Aisyah Rahman changed from 60123456789 to 60111222333',
      type: 'user_changed_number',
      newWaId: '60111222333',
      newUserId: null,
      previousUserId: null,
    });
  });

  it('reads a BSUID change under the previous BSUID', () => {
    const { contact, message } = only('system-user-changed-user-id', 'message');
    expect(contact).toEqual({ waId: null, userId: BSUID, profileName: null });
    expect(message.content.system).toMatchObject({ type: 'user_changed_user_id', newUserId: 'MY.20581736492018374651', previousUserId: BSUID });
  });
});

describe('parseWebhookPayload — senders', () => {
  it('takes a sender with only a business-scoped user id', () => {
    const { contact, message } = only('bsuid-only', 'message');
    expect(contact).toEqual({ waId: null, userId: BSUID, profileName: 'Aisyah R.' });
    expect(message.text).toBe('Does it come in another color?');
  });

  it('matches each message of a delivery to its own contact', () => {
    const { events, ignored } = parse('two-messages');
    expect(ignored).toEqual([]);
    expect(events.map((e) => (e.kind === 'message' ? [e.contact.profileName, e.message.text] : null))).toEqual([
      ['Aisyah Rahman', 'Saya nak tempah untuk Sabtu'],
      ['Tan Wei Ming', 'Ada slot petang?'],
    ]);
  });

  it('reads every entry, each with its own phone number id', () => {
    const { events } = parse('two-entries');
    expect(events.map((e) => [e.phoneNumberId, e.kind === 'message' ? e.contact.waId : null])).toEqual([
      [PHONE_NUMBER_ID, '60123456789'],
      ['106540352242923', '60198765432'],
    ]);
  });

  it('carries an unknown phone number id: routing is the caller’s job', () => {
    const { events } = parse('unknown-phone-number-id');
    expect(events).toHaveLength(1);
    expect(events[0]?.phoneNumberId).toBe('999999999999999');
  });

  it('skips group messages', () => {
    const { events, ignored } = parse('group-message');
    expect(events).toEqual([]);
    expect(ignored).toEqual([{ reason: 'entry[0].changes[0].value.messages[0]: group messages are not handled' }]);
  });
});

describe('parseWebhookPayload — statuses', () => {
  it.each([
    ['status-sent', 'sent', 1750000100],
    ['status-delivered', 'delivered', 1750000101],
    ['status-read', 'read', 1750000102],
    ['status-played', 'played', 1750000103],
  ] as const)('%s', (name, value, seconds) => {
    const { status } = only(name, 'status');
    expect(status).toMatchObject({ status: value, recipientWaId: '60123456789', errorCode: null, errorTitle: null });
    expect(status.timestamp.getTime()).toBe(seconds * 1000);
  });

  it.each([
    ['status-failed-131026', 131026, 'Message undeliverable'],
    ['status-failed-131047', 131047, 'Re-engagement message'],
    // Without title or message, the details say what went wrong.
    ['status-failed-details-only', 131049, 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.'],
  ] as const)('%s keeps the error code and title', (name, code, title) => {
    expect(only(name, 'status').status).toMatchObject({ status: 'failed', errorCode: code, errorTitle: title });
  });

  it('reports the same status twice as two identical events (deduplication is the ingest’s job)', () => {
    const [first, second, ...rest] = parse('status-duplicate').events;
    expect(rest).toEqual([]);
    expect(first).toEqual(second);
  });

  it('keeps statuses in delivery order, even when that is not the order they happened', () => {
    const { events } = parse('statuses-out-of-order');
    expect(events.map((e) => (e.kind === 'status' ? [e.status.wamid, e.status.status] : null))).toEqual([
      [OUTBOUND_WAMID, 'read'],
      [OUTBOUND_WAMID, 'delivered'],
      [OUTBOUND_WAMID, 'sent'],
    ]);
  });

  it('accepts a status for a message sent to a BSUID (no recipient_id)', () => {
    expect(only('status-delivered-bsuid', 'status').status).toMatchObject({ wamid: OUTBOUND_WAMID, status: 'delivered', recipientWaId: null });
  });

  it('is deterministic: a redelivery parses to the same events', () => {
    expect(parse('status-read')).toEqual(parse('status-read'));
  });
});

describe('parseWebhookPayload — user_preferences', () => {
  it.each(['stop', 'resume'] as const)('marketing messages %s', (preference) => {
    const event = only(`user-preferences-${preference}`, 'marketing_preference');
    expect(event.preference).toBe(preference);
    expect(event.contact.waId).toBe('60123456789');
    expect(event.timestamp.getTime()).toBe(1750000200 * 1000);
  });
});

describe('parseWebhookPayload — what is ignored', () => {
  it.each([
    ['field-account-update', "entry[0].changes[0]: field 'account_update' is not handled"],
    ['field-message-template-status-update', "entry[0].changes[0]: field 'message_template_status_update' is not handled"],
    ['value-errors', 'entry[0].changes[0].value.errors[0]: Meta reported error 130429: Rate limit hit'],
  ] as const)('%s', (name, reason) => {
    expect(parse(name)).toEqual({ events: [], ignored: [{ reason }] });
  });

  it('drops a message without an id and keeps the rest of the delivery', () => {
    const { events, ignored } = parse('message-missing-id');
    expect(events).toHaveLength(1);
    expect(events[0]?.kind === 'message' && events[0].message.text).toBe('I am fine');
    expect(ignored).toHaveLength(1);
    expect(ignored[0]?.reason).toMatch(/^entry\[0\]\.changes\[0\]\.value\.messages\[0\]: id: /);
  });

  it('keeps a known type with an unreadable body as unsupported', () => {
    const body = loadFixture('image') as { entry: { changes: { value: { messages: Record<string, unknown>[] } }[] }[] };
    const message = body.entry[0]?.changes[0]?.value.messages[0];
    if (message) message.image = { caption: 'no media id' };
    const [event] = parseWebhookPayload(body).events;
    expect(event?.kind === 'message' && [event.message.type, event.message.text]).toEqual(['unsupported', '⚠️ Unsupported message (image)']);
  });
});

describe('parseWebhookPayload — bad bodies', () => {
  it.each([
    ['bad-not-an-object', /not a JSON object/],
    ['bad-wrong-object', /not a WhatsApp payload/],
    ['bad-missing-entry', /no entry array/],
  ] as const)('%s throws WebhookPayloadError', (name, message) => {
    expect(() => parse(name)).toThrow(WebhookPayloadError);
    expect(() => parse(name)).toThrow(message);
  });

  it.each([null, 'text', 42])('%s throws WebhookPayloadError with status 400', (body) => {
    try {
      parseWebhookPayload(body);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WebhookPayloadError);
      expect((error as WebhookPayloadError).status).toBe(400);
    }
  });

  it('every non-bad fixture parses without throwing', () => {
    for (const name of fixtureNames.filter((n) => !n.startsWith('bad-'))) expect(() => parse(name)).not.toThrow();
  });
});
