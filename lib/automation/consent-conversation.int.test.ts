import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { conversations, jobs } from '@/db/schema';
import { DEFAULT_NOTICE, renderNotice } from '@/lib/consent/notices';
import { consentReplies } from '@/lib/consent/replies';
import { profilePrompt } from '@/lib/customers/profile-replies';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, createTestTenant } from '@/lib/testing/factories';
import { consentHistory, customerByPhone, newPhone, say, setTenantConversation, settle, tap } from './test-helpers';

// The seed's Test Scenarios (First Contact, Consent Yes, Consent No, Opt-out) as conversations
// through the real ingest path; the IC row is in profile-conversation.int.test.ts.

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'sembang-consent-'));

const t = useTestDatabase({ asAppDatabase: true });
let shop: MemberContext;
// A tenant whose default language is English.
let englishShop: MemberContext;

beforeAll(async () => {
  shop = await createTestTenant(t.db, 'Kedai Kopi Aisyah Sdn Bhd');
  englishShop = await createTestTenant(t.db, 'Bean There Cafe');
  await settle(t.db);
  await setTenantConversation(t.db, shop, { brandName: 'Kopi Aisyah' });
  await setTenantConversation(t.db, englishShop, { defaultLanguage: 'en' });
});

// A customer who has seen the notice and not answered.
async function pendingCustomer(ctx = shop) {
  const phone = newPhone();
  await say(t.db, ctx, phone, 'hello');
  return phone;
}

async function grantedCustomer(ctx = shop, answer = 'YA') {
  const phone = await pendingCustomer(ctx);
  await say(t.db, ctx, phone, answer);
  return phone;
}

const texts = (replies: { text: string | null }[]) => replies.map((r) => r.text);

describe('First Contact: "hello" → the PDPA consent notice', () => {
  it('sends the current notice in Malay and English with YA/TIDAK and YES/NO buttons, and the customer is pending', async () => {
    const phone = newPhone();
    const { message, replies } = await say(t.db, shop, phone, 'hello', { profileName: 'Siti Aminah' });

    const values = { name: 'Siti Aminah', brand: 'Kopi Aisyah' };
    expect(replies.map((r) => [r.type, r.text, r.sentByUserId, r.content])).toEqual([
      ['interactive', renderNotice(DEFAULT_NOTICE.bodyMs, values), null, { automation: 'consent.notice', interactive: { kind: 'button', buttons: [{ id: 'consent.yes.ms', title: 'YA' }, { id: 'consent.no.ms', title: 'TIDAK' }] } }],
      ['interactive', renderNotice(DEFAULT_NOTICE.bodyEn, values), null, { automation: 'consent.notice', interactive: { kind: 'button', buttons: [{ id: 'consent.yes.en', title: 'YES' }, { id: 'consent.no.en', title: 'NO' }] } }],
    ]);
    // Sent through the sandbox provider.
    expect(replies.every((r) => r.wamid?.startsWith('wamid.sandbox.'))).toBe(true);

    const customer = await customerByPhone(t.db, shop, phone);
    expect(customer).toMatchObject({ consentStatus: 'pending', consentNoticeVersion: 1, consentRequestedAt: expect.any(Date), consentReminderSentAt: null });
    expect(await consentHistory(t.db, customer!.id)).toMatchObject([{ status: 'pending', source: 'notice', noticeVersion: 1, evidenceMessageId: replies[0]!.id, keyword: null, actorUserId: null }]);

    // The "hello" is still a normal message waiting in the inbox: automated messages are not
    // the team's answer (no change to unread, preview, inbox order or last interaction).
    const [conversation] = await t.db.select().from(conversations).where(eq(conversations.id, message.conversationId));
    expect(conversation).toMatchObject({ status: 'open', unreadCount: 1, lastMessagePreview: 'hello', lastMessageAt: message.createdAt });
    expect(customer).toMatchObject({ inboundCount: 1, outboundCount: 2, lastInteractionAt: message.createdAt });
    expect(message.handledAt).toEqual(expect.any(Date));
  });

  it('schedules one reminder after the configured delay', async () => {
    await setTenantConversation(t.db, englishShop, { consentReminderHours: 5 });
    const phone = newPhone();
    const { message } = await say(t.db, englishShop, phone, 'hi there');
    const customer = await customerByPhone(t.db, englishShop, phone);
    const [job] = await t.db.select().from(jobs).where(and(eq(jobs.name, 'consent/reminder'), eq(jobs.dedupeKey, `consent.reminder:${customer!.id}`)));
    expect(job).toMatchObject({ status: 'pending', payload: { tenantId: englishShop.tenantId, customerId: customer!.id } });
    const hours = (job!.runAt.getTime() - customer!.consentRequestedAt!.getTime()) / 3_600_000;
    expect(hours).toBe(5);
    expect(job!.runAt.getTime()).toBeGreaterThan(message.createdAt.getTime());
  });

  it('never repeats the notice while the customer does not answer', async () => {
    const phone = await pendingCustomer();
    for (const text of ['hello?', 'ok where is my order', 'no problem', 'can I have the menu']) {
      const { replies } = await say(t.db, shop, phone, text);
      expect(replies, text).toEqual([]);
    }
    const customer = await customerByPhone(t.db, shop, phone);
    expect(customer?.consentStatus).toBe('pending');
    expect(await consentHistory(t.db, customer!.id)).toHaveLength(1);
  });

  it('a first message of YES is a normal message: the customer gets the notice and is only pending', async () => {
    const phone = newPhone();
    const { replies } = await say(t.db, shop, phone, 'YES');
    expect(replies.map((r) => r.content.automation)).toEqual(['consent.notice', 'consent.notice']);
    expect((await customerByPhone(t.db, shop, phone))?.consentStatus).toBe('pending');
  });
});

describe('Consent Yes: "yes" → granted, confirmed, and the information prompt', () => {
  it.each([
    ['YES', 'en'],
    ['yes', 'en'],
    ['Yes!', 'en'],
    ['YA', 'ms'],
    ['ya', 'ms'],
    ['SETUJU', 'ms'],
    ['setuju.', 'ms'],
    ['OK', 'ms'],
    ['ok', 'ms'],
    ['START', 'ms'],
  ] as const)('%j grants, answered in %s', async (answer, language) => {
    const phone = await pendingCustomer();
    const { message, replies } = await say(t.db, shop, phone, answer);
    expect(texts(replies)).toEqual([consentReplies.granted[language], profilePrompt[language]]);
    const customer = await customerByPhone(t.db, shop, phone);
    expect(customer).toMatchObject({ consentStatus: 'granted', profileRequestedAt: expect.any(Date) });
    const keyword = answer.replace(/[^A-Za-z]/g, '').toUpperCase();
    expect((await consentHistory(t.db, customer!.id)).at(-1)).toMatchObject({ status: 'granted', source: 'keyword', keyword, evidenceMessageId: message.id, noticeVersion: 1 });
  });

  it('OK and START have no language of their own: the tenant’s default decides', async () => {
    const phone = await pendingCustomer(englishShop);
    const { replies } = await say(t.db, englishShop, phone, 'ok');
    expect(texts(replies)).toEqual([consentReplies.granted.en, profilePrompt.en]);
    expect((await customerByPhone(t.db, englishShop, phone))?.language).toBeNull();
  });

  it('remembers the language the customer answered in', async () => {
    const phone = await grantedCustomer(englishShop, 'YA');
    expect((await customerByPhone(t.db, englishShop, phone))?.language).toBe('ms');
    // STOP is both languages' word: the remembered Malay wins over the tenant's English.
    expect(texts((await say(t.db, englishShop, phone, 'STOP')).replies)).toEqual([consentReplies.optedOut.ms]);
  });
});

describe('Consent No: "no" → declined', () => {
  it.each([
    ['NO', 'en'],
    ['no', 'en'],
    ['Nope', 'en'],
    ['TAK', 'ms'],
    ['tak.', 'ms'],
    ['TDK', 'ms'],
    ['TIDAK', 'ms'],
    ['tidak', 'ms'],
    ['BATAL', 'ms'],
  ] as const)('%j declines, answered in %s', async (answer, language) => {
    const phone = await pendingCustomer();
    const { message, replies } = await say(t.db, shop, phone, answer);
    expect(texts(replies)).toEqual([consentReplies.declined[language]]);
    const customer = await customerByPhone(t.db, shop, phone);
    expect(customer).toMatchObject({ consentStatus: 'withdrawn', profileRequestedAt: null, language });
    expect((await consentHistory(t.db, customer!.id)).at(-1)).toMatchObject({ status: 'withdrawn', source: 'keyword', keyword: answer.replace(/[^A-Za-z]/g, '').toUpperCase(), evidenceMessageId: message.id, noticeVersion: 1 });
  });
});

describe('the notice’s buttons', () => {
  it.each([
    ['YA', 'granted', 'ms'],
    ['TIDAK', 'withdrawn', 'ms'],
    ['YES', 'granted', 'en'],
    ['NO', 'withdrawn', 'en'],
  ] as const)('tapping %s answers in the button’s language', async (title, status, language) => {
    const phone = await pendingCustomer();
    const { message, replies } = await tap(t.db, shop, phone, title);
    expect(message).toMatchObject({ type: 'interactive', text: title });
    expect(texts(replies)[0]).toBe(status === 'granted' ? consentReplies.granted[language] : consentReplies.declined[language]);
    const customer = await customerByPhone(t.db, shop, phone);
    expect(customer).toMatchObject({ consentStatus: status, language });
    expect((await consentHistory(t.db, customer!.id)).at(-1)).toMatchObject({ status, source: 'button', keyword: title, evidenceMessageId: message.id, noticeVersion: 1 });
  });

  it('a tap after the question was answered changes nothing', async () => {
    const phone = await pendingCustomer();
    await tap(t.db, shop, phone, 'TIDAK');
    const { replies } = await tap(t.db, shop, phone, 'YA');
    expect(replies).toEqual([]);
    const customer = await customerByPhone(t.db, shop, phone);
    expect(customer?.consentStatus).toBe('withdrawn');
    expect(await consentHistory(t.db, customer!.id)).toHaveLength(2);
  });
});

describe('Opt-out: "stop" at any time', () => {
  it.each([
    ['granted', 'STOP'],
    ['granted', 'stop'],
    ['granted', 'Please STOP sending me promos'],
    ['pending', 'STOP'],
    ['granted', 'BERHENTI'],
    ['pending', 'berhenti'],
  ] as const)('a %s customer writing %j is withdrawn and told so', async (state, text) => {
    const phone = state === 'granted' ? await grantedCustomer(shop, 'YES') : await pendingCustomer();
    const { message, replies } = await say(t.db, shop, phone, text);
    // BERHENTI is Malay; STOP answers in the customer's language (English after "YES", else
    // the tenant's Malay).
    const language = /berhenti/i.test(text) || state === 'pending' ? 'ms' : 'en';
    expect(texts(replies)).toEqual([consentReplies.optedOut[language]]);
    const customer = await customerByPhone(t.db, shop, phone);
    expect(customer?.consentStatus).toBe('withdrawn');
    const keyword = /berhenti/i.test(text) ? 'BERHENTI' : 'STOP';
    expect((await consentHistory(t.db, customer!.id)).at(-1)).toMatchObject({ status: 'withdrawn', source: 'keyword', keyword, evidenceMessageId: message.id, noticeVersion: 1 });
  });

  it('a first message of STOP opts out without ever sending the notice', async () => {
    const phone = newPhone();
    const { replies } = await say(t.db, shop, phone, 'stop');
    expect(texts(replies)).toEqual([consentReplies.optedOut.ms]);
    const customer = await customerByPhone(t.db, shop, phone);
    expect(customer).toMatchObject({ consentStatus: 'withdrawn', consentRequestedAt: null });
    expect(await consentHistory(t.db, customer!.id)).toMatchObject([{ status: 'withdrawn', source: 'keyword', keyword: 'STOP', noticeVersion: null }]);
  });

  it('START opts back in after a STOP; repeating either records nothing new', async () => {
    const phone = await grantedCustomer(shop, 'YES');
    await say(t.db, shop, phone, 'STOP');
    expect(texts((await say(t.db, shop, phone, 'STOP')).replies)).toEqual([consentReplies.optedOut.en]);
    // The profile was asked for at the first grant; START does not ask again.
    expect(texts((await say(t.db, shop, phone, 'start')).replies)).toEqual([consentReplies.granted.en]);
    const customer = await customerByPhone(t.db, shop, phone);
    expect(customer?.consentStatus).toBe('granted');
    expect((await consentHistory(t.db, customer!.id)).map((e) => [e.status, e.keyword])).toEqual([
      ['pending', null],
      ['granted', 'YES'],
      ['withdrawn', 'STOP'],
      ['granted', 'START'],
    ]);
  });

  it('whole words only: nonstop, startup and stopper are normal messages', async () => {
    const granted = await grantedCustomer();
    const withdrawn = await pendingCustomer();
    await say(t.db, shop, withdrawn, 'TIDAK');
    for (const text of ['Nonstop promos this week?', 'my startup wants to order 50 cups', 'the bottle stopper is broken']) {
      expect((await say(t.db, shop, granted, text)).replies, text).toEqual([]);
      expect((await say(t.db, shop, withdrawn, text)).replies, text).toEqual([]);
    }
    expect((await customerByPhone(t.db, shop, granted))?.consentStatus).toBe('granted');
    expect((await customerByPhone(t.db, shop, withdrawn))?.consentStatus).toBe('withdrawn');
  });
});

describe('answers while no question is pending', () => {
  it('YES and NO from a granted or withdrawn customer are normal messages', async () => {
    const granted = await grantedCustomer();
    const declined = await pendingCustomer();
    await say(t.db, shop, declined, 'TIDAK');
    for (const [phone, text] of [
      [granted, 'NO'],
      [granted, 'tidak'],
      [declined, 'YES'],
      [declined, 'ya'],
      [declined, 'OK'],
    ] as const) {
      expect((await say(t.db, shop, phone, text)).replies, text).toEqual([]);
    }
    for (const [phone, status] of [
      [granted, 'granted'],
      [declined, 'withdrawn'],
    ] as const) {
      const customer = await customerByPhone(t.db, shop, phone);
      expect(customer?.consentStatus).toBe(status);
      expect(await consentHistory(t.db, customer!.id)).toHaveLength(2);
    }
  });
});
