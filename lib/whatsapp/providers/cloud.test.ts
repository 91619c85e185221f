import { describe, expect, it } from 'vitest';
import { accepted, metaError } from '@/lib/testing/fake-graph-api';
import { useCloudHarness } from './cloud-test-harness';
import { ProviderError } from './errors';

const TOKEN = 'EAAG-test-token';
const customer = { waId: '60123456789', phone: '+60123456789', userId: null };
const h = useCloudHarness({ timeoutMs: 500 });

function sent() {
  const req = h.api.requests.at(-1);
  if (!req) throw new Error('no request');
  return req;
}

const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '60123456789' };

describe('cloud provider: sending', () => {
  it('sends text to /{phone-number-id}/messages with the bearer token and returns the wamid', async () => {
    h.api.reply(accepted('wamid.TEXT1'));
    await expect(h.provider.sendText(customer, 'Hello')).resolves.toEqual({ wamid: 'wamid.TEXT1' });
    const req = sent();
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v26.0/106540352242922/messages');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.json).toEqual({ ...envelope, type: 'text', text: { body: 'Hello' } });
  });

  it('adds the reply context and link preview when asked', async () => {
    h.api.reply(accepted('wamid.TEXT2'));
    await h.provider.sendText(customer, 'See https://example.com', { replyToWamid: 'wamid.IN1', previewUrl: true });
    expect(sent().json).toEqual({
      ...envelope,
      context: { message_id: 'wamid.IN1' },
      type: 'text',
      text: { preview_url: true, body: 'See https://example.com' },
    });
  });

  it('sends to the phone digits when there is no wa_id', async () => {
    h.api.reply(accepted('wamid.P'));
    await h.provider.sendText({ waId: null, phone: '+60 12-345 6789', userId: 'MY.123' }, 'Hi');
    expect(sent().json).toMatchObject({ to: '60123456789' });
    expect(sent().json).not.toHaveProperty('recipient');
  });

  it('sends to a business-scoped user id in `recipient` when there is no number', async () => {
    h.api.reply(accepted('wamid.BSUID'));
    await h.provider.sendText({ waId: null, phone: null, userId: 'MY.13491208655302741918' }, 'Hi');
    expect(sent().json).toEqual({ messaging_product: 'whatsapp', recipient_type: 'individual', recipient: 'MY.13491208655302741918', type: 'text', text: { body: 'Hi' } });
  });

  it('refuses a customer with no number and no user id without calling WhatsApp', async () => {
    await expect(h.provider.sendText({ waId: null, phone: null, userId: null }, 'Hi')).rejects.toMatchObject({ kind: 'invalid' });
    expect(h.api.requests).toHaveLength(0);
  });

  it('sends an image by link with a caption', async () => {
    h.api.reply(accepted('wamid.IMG'));
    await h.provider.sendMedia(customer, { kind: 'image', link: 'https://cdn.example.com/a.jpg', caption: 'Our menu' });
    expect(sent().json).toEqual({ ...envelope, type: 'image', image: { link: 'https://cdn.example.com/a.jpg', caption: 'Our menu' } });
  });

  it('sends a document by uploaded media id with its file name', async () => {
    h.api.reply(accepted('wamid.DOC'));
    await h.provider.sendMedia(customer, { kind: 'document', providerMediaId: '1013859600285441', caption: 'Invoice', fileName: 'invoice.pdf' });
    expect(sent().json).toEqual({ ...envelope, type: 'document', document: { id: '1013859600285441', caption: 'Invoice', filename: 'invoice.pdf' } });
  });

  it('sends audio without a caption and refuses a caption on stickers', async () => {
    h.api.reply(accepted('wamid.AUD'));
    await h.provider.sendMedia(customer, { kind: 'audio', providerMediaId: '55' });
    expect(sent().json).toEqual({ ...envelope, type: 'audio', audio: { id: '55' } });
    await expect(h.provider.sendMedia(customer, { kind: 'sticker', link: 'https://x.test/s.webp', caption: 'no' })).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('sends a template with its language and components', async () => {
    h.api.reply(accepted('wamid.TPL'));
    const components = [
      { type: 'header' as const, parameters: [{ type: 'image' as const, image: { link: 'https://cdn.example.com/h.png' } }] },
      { type: 'body' as const, parameters: [{ type: 'text' as const, text: 'Aisyah' }, { type: 'text' as const, text: 'RM20' }] },
      { type: 'button' as const, sub_type: 'quick_reply' as const, index: '0', parameters: [{ type: 'payload' as const, payload: 'STOP' }] },
    ];
    await h.provider.sendTemplate(customer, { name: 'promo_raya', language: 'ms', components });
    expect(sent().json).toEqual({ ...envelope, type: 'template', template: { name: 'promo_raya', language: { code: 'ms' }, components } });
  });

  it('leaves components out of a template without parameters', async () => {
    h.api.reply(accepted('wamid.TPL2'));
    await h.provider.sendTemplate(customer, { name: 'hello_world', language: 'en', components: [] });
    expect(sent().json).toEqual({ ...envelope, type: 'template', template: { name: 'hello_world', language: { code: 'en' } } });
  });

  it('sends interactive reply buttons', async () => {
    h.api.reply(accepted('wamid.BTN'));
    await h.provider.sendButtons(customer, {
      header: 'Appointment',
      body: 'Keep your booking on Friday?',
      footer: 'Klinik Sembang',
      buttons: [
        { id: 'keep', title: 'Keep it' },
        { id: 'change', title: 'Change' },
      ],
    });
    expect(sent().json).toEqual({
      ...envelope,
      type: 'interactive',
      interactive: {
        type: 'button',
        header: { type: 'text', text: 'Appointment' },
        body: { text: 'Keep your booking on Friday?' },
        footer: { text: 'Klinik Sembang' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'keep', title: 'Keep it' } },
            { type: 'reply', reply: { id: 'change', title: 'Change' } },
          ],
        },
      },
    });
  });

  it('refuses more than three buttons or a title over 20 characters', async () => {
    const four = ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id }));
    await expect(h.provider.sendButtons(customer, { body: 'Pick', buttons: four })).rejects.toMatchObject({ kind: 'invalid' });
    await expect(h.provider.sendButtons(customer, { body: 'Pick', buttons: [{ id: 'x', title: 'x'.repeat(21) }] })).rejects.toMatchObject({ kind: 'invalid' });
    expect(h.api.requests).toHaveLength(0);
  });

  it('uploads media as multipart with messaging_product and type', async () => {
    h.api.reply({ json: { id: '987654321' } });
    await expect(h.provider.uploadMedia?.({ bytes: Buffer.from('%PDF-1.7'), mimeType: 'application/pdf', fileName: 'a.pdf' })).resolves.toEqual({ providerMediaId: '987654321' });
    const req = sent();
    expect(req.path).toBe('/v26.0/106540352242922/media');
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const body = req.body.toString('utf8');
    expect(body).toContain('name="messaging_product"\r\n\r\nwhatsapp');
    expect(body).toContain('name="type"\r\n\r\napplication/pdf');
    expect(body).toContain('filename="a.pdf"');
    expect(body).toContain('%PDF-1.7');
  });
});

describe('cloud provider: errors and retries', () => {
  it('retries a 500 and then succeeds', async () => {
    h.api.reply({ status: 500, json: { error: { message: 'An unknown error occurred', code: 1 } } }, accepted('wamid.AFTER500'));
    await expect(h.provider.sendText(customer, 'Hi')).resolves.toEqual({ wamid: 'wamid.AFTER500' });
    expect(h.api.requests).toHaveLength(2);
    expect(h.sleeps).toEqual([125]);
  });

  it('backs off exponentially on 130429 until the throughput limit clears', async () => {
    const limited = metaError(130429, { title: 'Rate limit hit' });
    h.api.reply(limited, limited, accepted('wamid.AFTERLIMIT'));
    await expect(h.provider.sendText(customer, 'Hi')).resolves.toEqual({ wamid: 'wamid.AFTERLIMIT' });
    expect(h.api.requests).toHaveLength(3);
    expect(h.sleeps).toEqual([125, 250]);
  });

  it('waits what Retry-After asks on a 429', async () => {
    h.api.reply({ status: 429, headers: { 'retry-after': '2' }, json: { error: { message: 'Too many', code: 4 } } }, accepted('wamid.RA'));
    await h.provider.sendText(customer, 'Hi');
    expect(h.sleeps).toEqual([2000]);
  });

  it('gives up after four attempts and reports the rate limit', async () => {
    const limited = metaError(131056, { title: '(Business Account, Consumer Account) pair rate limit hit' });
    h.api.reply(limited, limited, limited, limited);
    await expect(h.provider.sendText(customer, 'Hi')).rejects.toMatchObject({ kind: 'rate_limited', code: 131056, retryable: true });
    expect(h.api.requests).toHaveLength(4);
  });

  it.each([
    [131047, 'window_closed', 'Re-engagement message'],
    [100, 'invalid', 'Invalid parameter'],
    [190, 'auth', 'Error validating access token: Session has expired'],
  ] as const)('does not retry %i', async (code, kind, title) => {
    h.api.reply(metaError(code, { status: code === 190 ? 401 : 400, title }), accepted('wamid.NEVER'));
    const error = await h.provider.sendText(customer, 'Hi').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code, kind, retryable: false, title, fbtraceId: 'AbCdEfGhIjK' });
    expect(h.api.requests).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it('classifies 131026 as undeliverable and explains it', async () => {
    h.api.reply(metaError(131026, { title: 'Message undeliverable', details: 'Message Undeliverable.' }));
    const error = (await h.provider.sendText(customer, 'Hi').catch((e: unknown) => e)) as ProviderError;
    expect(error).toMatchObject({ kind: 'undeliverable', retryable: false, details: 'Message Undeliverable.' });
    expect(error.message).toMatch(/could not deliver/);
  });

  it('times out a slow answer and retries it', async () => {
    h.api.reply({ ...accepted('wamid.SLOW'), delayMs: 2000 }, accepted('wamid.FAST'));
    await expect(h.provider.sendText(customer, 'Hi')).resolves.toEqual({ wamid: 'wamid.FAST' });
    expect(h.api.requests).toHaveLength(2);
  });

  it('reports a network error when nothing answers, without the token', async () => {
    await h.api.close();
    const error = (await h.provider.sendText(customer, 'Hi').catch((e: unknown) => e)) as ProviderError;
    expect(error).toMatchObject({ kind: 'network', retryable: true });
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(TOKEN);
  });
});
