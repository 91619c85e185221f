import { describe, expect, it } from 'vitest';
import { type SandboxOutbound, createSandboxProvider } from './sandbox';

const customer = { waId: '60123456789', phone: '+60123456789', userId: null };

function sandbox() {
  const outbox: SandboxOutbound[] = [];
  const provider = createSandboxProvider({
    onSend: async (o) => void outbox.push(o),
    mediaStore: async (id) => (id === 'img1' ? { bytes: Buffer.from('abc'), mimeType: 'image/png', fileName: 'a.png' } : null),
    displayPhoneNumber: '+60 3-0000 0000',
  });
  return { provider, outbox };
}

const blank = { text: null, replyToWamid: null, header: null, footer: null, buttons: [], media: null, template: null };

describe('sandbox provider', () => {
  it('hands a text to onSend with a sandbox wamid', async () => {
    const { provider, outbox } = sandbox();
    const { wamid } = await provider.sendText(customer, 'Hello', { replyToWamid: 'wamid.IN' });
    expect(wamid).toMatch(/^wamid\.sandbox\.[0-9a-f-]{36}$/);
    expect(outbox).toEqual([{ ...blank, wamid, to: customer, type: 'text', text: 'Hello', replyToWamid: 'wamid.IN' }]);
  });

  it('gives every message its own wamid', async () => {
    const { provider } = sandbox();
    const a = await provider.sendText(customer, 'a');
    const b = await provider.sendText(customer, 'b');
    expect(a.wamid).not.toBe(b.wamid);
  });

  it('hands over buttons, media and templates rendered with their parameters', async () => {
    const { provider, outbox } = sandbox();
    await provider.sendButtons(customer, { header: 'H', body: 'Pick one', footer: 'F', buttons: [{ id: 'a', title: 'A' }] });
    await provider.sendMedia(customer, { kind: 'document', link: 'https://x.test/a.pdf', caption: 'Invoice', fileName: 'a.pdf' });
    await provider.sendTemplate(customer, {
      name: 'order_ready',
      language: 'en',
      localBody: 'Hi {{1}}, order {{2}} is ready. {{3}}',
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ali' }, { type: 'text', text: '#42' }] }],
    });
    await provider.sendTemplate(customer, {
      name: 'named',
      language: 'en',
      localBody: 'Hi {{first_name}}',
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Mei', parameter_name: 'first_name' }] }],
    });
    await provider.sendTemplate(customer, { name: 'no_copy', language: 'en', components: [{ type: 'body', parameters: [{ type: 'text', text: 'x' }] }] });
    expect(outbox.map(({ wamid, to, ...rest }) => rest)).toEqual([
      { ...blank, type: 'interactive', text: 'Pick one', header: 'H', footer: 'F', buttons: [{ id: 'a', title: 'A' }] },
      { ...blank, type: 'document', text: 'Invoice', media: { kind: 'document', link: 'https://x.test/a.pdf', providerMediaId: null, fileName: 'a.pdf' } },
      { ...blank, type: 'template', text: 'Hi Ali, order #42 is ready. {{3}}', template: { name: 'order_ready', language: 'en', values: ['Ali', '#42'] } },
      { ...blank, type: 'template', text: 'Hi Mei', template: { name: 'named', language: 'en', values: ['Mei'] } },
      { ...blank, type: 'template', text: '[no_copy] x', template: { name: 'no_copy', language: 'en', values: ['x'] } },
    ]);
  });

  it('applies Meta’s rules, so what the simulator accepts Meta accepts', async () => {
    const { provider, outbox } = sandbox();
    await expect(provider.sendText(customer, 'x'.repeat(4097))).rejects.toMatchObject({ kind: 'invalid' });
    await expect(provider.sendButtons(customer, { body: 'b', buttons: [{ id: 'a', title: 'Same' }, { id: 'b', title: 'Same' }] })).rejects.toMatchObject({ kind: 'invalid' });
    await expect(provider.sendText({ waId: null, phone: null, userId: null }, 'hi')).rejects.toMatchObject({ kind: 'invalid' });
    expect(outbox).toEqual([]);
  });

  it('fails the send when onSend fails', async () => {
    const provider = createSandboxProvider({ onSend: async () => Promise.reject(new Error('simulator down')) });
    await expect(provider.sendText(customer, 'hi')).rejects.toThrow('simulator down');
  });

  it('fetches media from its store within the limit', async () => {
    const { provider } = sandbox();
    await expect(provider.fetchMedia('img1', { maxBytes: 10 })).resolves.toEqual({ bytes: Buffer.from('abc'), mimeType: 'image/png', fileName: 'a.png' });
    await expect(provider.fetchMedia('img1', { maxBytes: 2 })).rejects.toMatchObject({ kind: 'invalid' });
    await expect(provider.fetchMedia('missing', { maxBytes: 10 })).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('reports itself as connected', async () => {
    const { provider } = sandbox();
    await expect(provider.checkConnection()).resolves.toEqual({ verifiedName: 'Sembang Sandbox', displayPhoneNumber: '+60 3-0000 0000', qualityRating: 'GREEN' });
  });
});
