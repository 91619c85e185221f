import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { messages } from '@/db/schema';
import { localJobClient } from '@/lib/jobs/local-driver';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, addTestMessage, createTestTenant } from '@/lib/testing/factories';
import { handleInboundMessage, handleInboundMessages } from './handle-inbound';
import { consentHistory, customerByPhone, newPhone, say, settle, withoutAutomations } from './test-helpers';

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'sembang-inbound-'));

const t = useTestDatabase({ asAppDatabase: true });
let shop: MemberContext;

beforeAll(async () => {
  shop = await createTestTenant(t.db, 'Kedai Tertib');
  await settle(t.db);
});

const handle = (messageId: string) => handleInboundMessage(t.db, { tenantId: shop.tenantId, messageId }, { jobs: localJobClient });

async function outbound(customerId: string) {
  return t.db.select().from(messages).where(and(eq(messages.customerId, customerId), eq(messages.direction, 'outbound')));
}

describe('handleInboundMessage', () => {
  it('handles a customer’s waiting messages in order: "YA" run first still answers the notice "hello" brought', async () => {
    const phone = newPhone();
    const hello = await say(t.db, shop, phone, 'hello', { handlers: withoutAutomations, at: new Date(Date.now() - 2000) });
    const ya = await say(t.db, shop, phone, 'YA', { handlers: withoutAutomations, at: new Date(Date.now() - 1000) });

    await handle(ya.message.id);
    await handle(hello.message.id);

    const customer = await customerByPhone(t.db, shop, phone);
    expect(customer?.consentStatus).toBe('granted');
    expect((await consentHistory(t.db, customer!.id)).map((e) => [e.status, e.evidenceMessageId === ya.message.id])).toEqual([
      ['pending', false],
      ['granted', true],
    ]);
    expect((await outbound(customer!.id)).map((m) => m.content.automation).sort()).toEqual(['consent.granted', 'consent.notice', 'consent.notice', 'profile.prompt']);
  });

  it('a retried or duplicated job does nothing twice', async () => {
    const phone = newPhone();
    const { message } = await say(t.db, shop, phone, 'hello');
    await handle(message.id);
    await handle(message.id);
    const customer = await customerByPhone(t.db, shop, phone);
    expect(await outbound(customer!.id)).toHaveLength(2);
    expect(await consentHistory(t.db, customer!.id)).toHaveLength(1);
  });

  it('never replays messages from before the last day, and ignores outbound and unknown ids', async () => {
    const phone = newPhone();
    const first = await say(t.db, shop, phone, 'hello');
    const customer = await customerByPhone(t.db, shop, phone);
    const old = await addTestMessage(t.db, shop, { customerId: customer!.id, conversationId: first.message.conversationId, channelId: first.message.channelId }, { direction: 'inbound', text: 'STOP', createdAt: new Date(Date.now() - 3 * 86_400_000) });
    await say(t.db, shop, phone, 'are you open today?');
    expect((await t.db.select().from(messages).where(eq(messages.id, old.id)))[0]?.handledAt).toBeNull();
    expect((await customerByPhone(t.db, shop, phone))?.consentStatus).toBe('pending');

    const [notice] = await outbound(customer!.id);
    await handle(notice!.id);
    await handle('00000000-0000-4000-8000-000000000000');
    expect(await consentHistory(t.db, customer!.id)).toHaveLength(1);
  });

  it('one job handles the new messages of several customers, each once, and the one-message form still works', async () => {
    const [ali, siti, wong] = [newPhone(), newPhone(), newPhone()];
    const aliHello = await say(t.db, shop, ali, 'hello', { handlers: withoutAutomations, at: new Date(Date.now() - 2000) });
    const aliYa = await say(t.db, shop, ali, 'YA', { handlers: withoutAutomations, at: new Date(Date.now() - 1000) });
    const sitiHello = await say(t.db, shop, siti, 'hi', { handlers: withoutAutomations });
    const wongHello = await say(t.db, shop, wong, 'hello', { handlers: withoutAutomations });

    await handleInboundMessages(t.db, { tenantId: shop.tenantId, messageIds: [aliHello.message.id, sitiHello.message.id, aliYa.message.id] }, { jobs: localJobClient });
    await handleInboundMessages(t.db, { tenantId: shop.tenantId, messageId: wongHello.message.id }, { jobs: localJobClient });

    expect((await customerByPhone(t.db, shop, ali))?.consentStatus).toBe('granted');
    expect((await customerByPhone(t.db, shop, siti))?.consentStatus).toBe('pending');
    expect((await customerByPhone(t.db, shop, wong))?.consentStatus).toBe('pending');
    const handled = await t.db.select({ handledAt: messages.handledAt }).from(messages).where(inArray(messages.id, [aliHello.message.id, aliYa.message.id, sitiHello.message.id, wongHello.message.id]));
    expect(handled.every((m) => m.handledAt !== null)).toBe(true);
    // A retried job finds nothing left: still one notice each.
    await handleInboundMessages(t.db, { tenantId: shop.tenantId, messageIds: [aliHello.message.id, sitiHello.message.id] }, { jobs: localJobClient });
    const siti2 = await customerByPhone(t.db, shop, siti);
    expect(await outbound(siti2!.id)).toHaveLength(2);
  });
});
