import { expect, test } from './fixtures';
import { ApiKeysPage } from './pages/api-keys-page';
import { apiClient } from './support/api-client';
import { connectCloudChannel, customerNumber, postDelivery, signedDelivery } from './support/meta';

// Meta's webhook contract (DESIGN §7) as Meta sees it, on the production build: the
// verification handshake, signed deliveries, and what is refused — on the URL and its alias.

for (const path of ['/api/webhooks/whatsapp', '/webhook/whatsapp']) {
  test(`${path}: the handshake echoes the challenge for a channel's verify token; deliveries are checked and stored once`, async ({ tenant, request }) => {
    const keys = new ApiKeysPage(tenant.page);
    await keys.open();
    const key = await keys.create('Webhook e2e');
    const channel = await connectCloudChannel(request, key);

    const handshake = (token: string) => request.get(`${path}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`);
    const ok = await handshake(channel.verifyToken);
    expect(ok.status()).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    expect((await handshake('not-the-token')).status()).toBe(403);

    const customer = { waId: customerNumber(), name: 'Nurul Webhook' };
    const delivery = signedDelivery(channel, customer, 'Ada promosi hari ini?');
    // Wrong signature, not JSON, too large, wrong method: refused, nothing stored.
    expect((await postDelivery(request, { raw: delivery.raw, signature: `sha256=${'0'.repeat(64)}` }, path)).status()).toBe(401);
    expect((await postDelivery(request, { raw: 'not json', signature: delivery.signature }, path)).status()).toBe(400);
    const huge = `${delivery.raw.slice(0, -1)},"padding":"${'x'.repeat(1024 * 1024)}"}`;
    expect((await postDelivery(request, { raw: huge, signature: delivery.signature }, path)).status()).toBe(413);
    expect((await request.put(path, { data: delivery.raw })).status()).toBe(405);

    // Meta delivers at least once: the same delivery twice is one message.
    for (let i = 0; i < 2; i++) {
      const res = await postDelivery(request, delivery, path);
      expect(res.status()).toBe(200);
      expect(await res.json()).toEqual({ received: true });
    }
    const api = apiClient(request, key);
    await expect
      .poll(async () => {
        const [found] = await api.list<{ id: string }>(`/customers?phone=%2B${customer.waId}`);
        return found ? (await api.list<{ text: string }>(`/customers/${found.id}/messages`)).filter((m) => m.text === 'Ada promosi hari ini?').length : 0;
      })
      .toBe(1);
  });
}
