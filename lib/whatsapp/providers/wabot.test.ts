import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeGraphApi, startFakeGraphApi } from '@/lib/testing/fake-graph-api';
import type { WhatsAppProvider } from './types';
import { createWabotProvider } from './wabot';

let api: FakeGraphApi;
let provider: WhatsAppProvider;
const customer = { waId: null, phone: '+60 12-345 6789', userId: null };
const credentials = { instance_id: '662D19546A2F8', access_token: 'wabot-token' };

beforeEach(async () => {
  api = await startFakeGraphApi();
  provider = createWabotProvider({ baseUrl: `${api.origin}/api/`, instanceId: '662D19546A2F8', accessToken: 'wabot-token', retry: { sleep: async () => undefined } });
});

afterEach(() => api.close());

describe('wabot gateway', () => {
  it('posts text to {baseUrl}/send and takes the id it returns as the wamid', async () => {
    api.reply({ json: { status: 'success', message: 'Message sent', data: { key: { id: 'BAE58DA6CBC941BC' } } } });
    await expect(provider.sendText(customer, 'Hello')).resolves.toEqual({ wamid: 'BAE58DA6CBC941BC' });
    const req = api.requests[0];
    expect(req).toMatchObject({ method: 'POST', path: '/api/send' });
    expect(req?.json).toEqual({ number: '60123456789', type: 'text', message: 'Hello', ...credentials });
  });

  it('sends media by URL with its caption as the message', async () => {
    api.reply({ json: { status: 'success', message_id: 'M1' } });
    await expect(provider.sendMedia(customer, { kind: 'document', link: 'https://cdn.example.com/a.pdf', caption: 'Invoice' })).resolves.toEqual({ wamid: 'M1' });
    expect(api.requests[0]?.json).toEqual({ number: '60123456789', type: 'media', message: 'Invoice', media_url: 'https://cdn.example.com/a.pdf', ...credentials });
  });

  it('makes up a wamid when the gateway returns no id', async () => {
    api.reply({ json: { status: 'success', message: 'Message sent' } });
    const { wamid } = await provider.sendText(customer, 'Hi');
    expect(wamid).toMatch(/^wabot\.[0-9a-f-]{36}$/);
  });

  it('turns a refusal in a 200 answer into an error', async () => {
    api.reply({ json: { status: 'error', message: 'Instance ID Invalidated' } });
    await expect(provider.sendText(customer, 'Hi')).rejects.toMatchObject({ kind: 'unknown', retryable: false, title: 'Instance ID Invalidated' });
  });

  it('retries a 5xx from the gateway', async () => {
    api.reply({ status: 502, body: 'Bad gateway' }, { json: { status: 'success', data: { id: 42 } } });
    await expect(provider.sendText(customer, 'Hi')).resolves.toEqual({ wamid: '42' });
  });

  it('sends buttons and local templates as text', async () => {
    api.reply({ json: { status: 'success' } }, { json: { status: 'success' } });
    await provider.sendButtons(customer, { body: 'Confirm?', buttons: [{ id: 'y', title: 'Yes' }, { id: 'n', title: 'No' }] });
    expect(api.requests[0]?.json).toMatchObject({ type: 'text', message: 'Confirm?\n\n*Yes* / *No*' });
    await provider.sendTemplate(customer, {
      name: 'welcome',
      language: 'ms',
      localBody: 'Selamat datang, {{1}}!',
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Aisyah' }] }],
    });
    expect(api.requests[1]?.json).toMatchObject({ type: 'text', message: 'Selamat datang, Aisyah!' });
  });

  it('refuses what the gateway cannot do, without a request', async () => {
    const refusals = [
      provider.fetchMedia('1', { maxBytes: 10 }),
      provider.checkConnection(),
      provider.listTemplates?.(),
      provider.submitTemplate?.({ name: 'x', language: 'en', category: 'utility', body: 'x', bodyExamples: [] }),
      provider.sendTemplate(customer, { name: 'x', language: 'en', components: [] }),
      provider.sendMedia(customer, { kind: 'image', providerMediaId: '5' }),
      provider.sendText({ waId: null, phone: null, userId: 'MY.1' }, 'Hi'),
    ];
    for (const refusal of refusals) await expect(refusal).rejects.toMatchObject({ kind: 'invalid' });
    await expect(provider.fetchMedia('1', { maxBytes: 10 })).rejects.toThrow(/not supported by the wabot gateway/);
    expect(api.requests).toHaveLength(0);
  });
});
