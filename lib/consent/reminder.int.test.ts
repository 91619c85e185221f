import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { conversations, jobs, messages } from '@/db/schema';
import { handleInboundMessage } from '@/lib/automation/handle-inbound';
import { consentHistory, customerByPhone, newPhone, say, setTenantConversation, settle, tap, withoutAutomations } from '@/lib/automation/test-helpers';
import { localJobClient } from '@/lib/jobs/local-driver';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, createTestTenant } from '@/lib/testing/factories';
import { consentReplies } from './replies';
import { sendConsentReminder } from './reminder';

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'sembang-reminder-'));

const t = useTestDatabase({ asAppDatabase: true });
let shop: MemberContext;

beforeAll(async () => {
  shop = await createTestTenant(t.db, 'Kedai Peringatan');
  await settle(t.db);
  await setTenantConversation(t.db, shop, { brandName: 'Kopi Ingat' });
});

async function pending() {
  const phone = newPhone();
  await say(t.db, shop, phone, 'hello');
  const customer = await customerByPhone(t.db, shop, phone);
  return { phone, customerId: customer!.id };
}

// The delay, mocked: the scheduled job becomes due now instead of in 20 hours.
async function reminderFalls(customerId: string) {
  const due = await t.db
    .update(jobs)
    .set({ runAt: sql`now()` })
    .where(and(eq(jobs.dedupeKey, `consent.reminder:${customerId}`), eq(jobs.status, 'pending')))
    .returning({ id: jobs.id });
  expect(due).toHaveLength(1);
  await settle(t.db);
}

async function reminders(customerId: string) {
  const rows = await t.db.select().from(messages).where(and(eq(messages.customerId, customerId), eq(messages.direction, 'outbound')));
  return rows.filter((m) => m.content.automation === 'consent.reminder');
}

describe('the consent reminder', () => {
  it('goes out once, when due, in the customer’s language with the answer buttons', async () => {
    const { phone, customerId } = await pending();
    const [job] = await t.db.select().from(jobs).where(eq(jobs.dedupeKey, `consent.reminder:${customerId}`));
    const customer = await customerByPhone(t.db, shop, phone);
    expect(job!.runAt.getTime() - customer!.consentRequestedAt!.getTime()).toBe(20 * 3_600_000);

    await reminderFalls(customerId);
    const sent = await reminders(customerId);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      type: 'interactive',
      text: consentReplies.reminder.ms.replace('{{brand}}', 'Kopi Ingat'),
      content: { interactive: { buttons: [{ title: 'YA' }, { title: 'TIDAK' }] } },
      wamid: expect.stringMatching(/^wamid\.sandbox\./),
    });
    expect(await customerByPhone(t.db, shop, phone)).toMatchObject({ consentStatus: 'pending', consentReminderSentAt: expect.any(Date) });
    // A reminder is not a consent change.
    expect(await consentHistory(t.db, customerId)).toHaveLength(1);

    expect(await sendConsentReminder(t.db, { tenantId: shop.tenantId, customerId }, { jobs: localJobClient })).toBe('already_reminded');
    expect(await reminders(customerId)).toHaveLength(1);

    // Its buttons answer the question.
    const { replies } = await tap(t.db, shop, phone, 'YA');
    expect(replies[0]?.text).toBe(consentReplies.granted.ms);
  });

  it.each(['YA', 'TIDAK', 'STOP'])('is never sent after %s', async (answer) => {
    const { phone, customerId } = await pending();
    await say(t.db, shop, phone, answer);
    await reminderFalls(customerId);
    expect(await reminders(customerId)).toEqual([]);
    expect(await sendConsentReminder(t.db, { tenantId: shop.tenantId, customerId }, { jobs: localJobClient })).toBe('answered');
  });

  it('is not sent once the 24-hour window has closed', async () => {
    const { customerId } = await pending();
    await t.db
      .update(conversations)
      .set({ lastInboundAt: new Date(Date.now() - 25 * 3_600_000) })
      .where(and(eq(conversations.tenantId, shop.tenantId), eq(conversations.customerId, customerId)));
    await reminderFalls(customerId);
    expect(await reminders(customerId)).toEqual([]);
    expect(await sendConsentReminder(t.db, { tenantId: shop.tenantId, customerId }, { jobs: localJobClient })).toBe('window_closed');
  });

  async function storedStop() {
    const { phone, customerId } = await pending();
    // The STOP is stored; its automation job has not run yet.
    const { message } = await say(t.db, shop, phone, 'STOP', { handlers: withoutAutomations });
    expect(message.handledAt).toBeNull();
    const stop = () => handleInboundMessage(t.db, { tenantId: shop.tenantId, messageId: message.id }, { jobs: localJobClient });
    const remind = () => sendConsentReminder(t.db, { tenantId: shop.tenantId, customerId }, { jobs: localJobClient });
    return { phone, customerId, message, stop, remind };
  }

  /** Whichever took the customer's lock first, the outcome is consistent with that order. */
  async function expectConsistent(round: Awaited<ReturnType<typeof storedStop>>, outcome: string) {
    const customer = await customerByPhone(t.db, shop, round.phone);
    const withdrawal = (await consentHistory(t.db, round.customerId)).at(-1);
    expect(customer?.consentStatus).toBe('withdrawn');
    expect(withdrawal).toMatchObject({ status: 'withdrawn', keyword: 'STOP', evidenceMessageId: round.message.id });
    const sent = await reminders(round.customerId);
    if (outcome === 'sent') {
      // The reminder won the lock: it was decided before the STOP was.
      expect(sent).toHaveLength(1);
      expect(customer!.consentReminderSentAt!.getTime()).toBeLessThanOrEqual(withdrawal!.occurredAt.getTime());
    } else {
      expect(outcome).toBe('answered');
      expect(sent).toEqual([]);
      expect(customer?.consentReminderSentAt).toBeNull();
    }
  }

  it('STOP arriving as the reminder fires: both take the customer’s lock, so no reminder follows a STOP', async () => {
    // PostgreSQL lets them race for the row lock (which one wins depends on timing, so each
    // round only checks that its outcome matches the order the lock was taken in).
    for (let round = 0; round < 20; round++) {
      const r = await storedStop();
      const outcome = round % 2 === 0 ? (await Promise.all([r.stop(), r.remind()]))[1] : (await Promise.all([r.remind(), r.stop()]))[0];
      await expectConsistent(r, outcome);
    }
  });

  it('a reminder decided before the STOP is sent; one decided after it is not', async () => {
    const first = await storedStop();
    await first.stop();
    const late = await first.remind();
    expect(late).toBe('answered');
    await expectConsistent(first, late);

    const second = await storedStop();
    const early = await second.remind();
    await second.stop();
    expect(early).toBe('sent');
    await expectConsistent(second, early);
  });
});
