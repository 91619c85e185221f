import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, asc, eq, notInArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contestEntries, messages, ocrJobs } from '@/db/schema';
import { customerByPhone, newPhone, say, settle } from '@/lib/automation/test-helpers';
import { jobHandlers } from '@/lib/jobs/handlers';
import { localJobClient } from '@/lib/jobs/local-driver';
import { todayInMalaysia } from '@/lib/mykad';
import { readExtracted } from '@/lib/ocr-jobs/extracted';
import { type Recognizer, processOcrJob } from '@/lib/ocr-jobs/process';
import { receiptDuplicateReply } from '@/lib/ocr-jobs/replies';
import { rejectOcrJob } from '@/lib/ocr-jobs/review';
import { recognizedReceipt, recognizerOf, uniquePhoto } from '@/lib/ocr-jobs/test-helpers';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, createTestTenant } from '@/lib/testing/factories';
import { simulateInbound } from '@/lib/whatsapp/sandbox/simulate-inbound';
import { createTestContest } from './test-helpers';

// Receipt contests: the OCR purchase flow (injected recogniser) records a purchase, and a
// purchase of at least the minimum spend during the contest is an entry.

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'sembang-contest-receipt-'));

const t = useTestDatabase({ asAppDatabase: true });
let shop: MemberContext;
let contestId: string;

beforeAll(async () => {
  shop = await createTestTenant(t.db, 'Kedai Resit');
  await settle(t.db);
  contestId = (await createTestContest(t.db, shop, { name: 'Belanja Raya', entryMethod: { type: 'receipt', minSpend: '50' }, maxEntriesPerCustomer: 5 })).id;
});

async function sendReceipt(phone: string, recognize: Recognizer) {
  const customer = await customerByPhone(t.db, shop, phone);
  const before = customer ? (await t.db.select({ id: messages.id }).from(messages).where(eq(messages.customerId, customer.id))).map((m) => m.id) : [];
  const { wamid } = await simulateInbound(t.db, shop, { phone, profileName: 'Aminah', message: { type: 'image', fileName: 'resit.png', mimeType: 'image/png', bytes: await uniquePhoto() } }, { jobs: localJobClient });
  await settle(t.db, {
    ...jobHandlers,
    'ocr/document.received': async ({ db, data, attempt }) => {
      await processOcrJob(db, data, { recognize }, attempt);
    },
  });
  const [message] = await t.db.select().from(messages).where(eq(messages.wamid, wamid));
  const replies = await t.db
    .select()
    .from(messages)
    .where(and(eq(messages.customerId, message!.customerId), eq(messages.direction, 'outbound'), before.length ? notInArray(messages.id, before) : undefined))
    .orderBy(asc(messages.createdAt));
  const [job] = await t.db.select().from(ocrJobs).where(eq(ocrJobs.messageId, message!.id));
  return { replies: replies.map((r) => r.text ?? ''), job: job ?? null, customerId: message!.customerId };
}

async function grantedCustomer() {
  const phone = newPhone();
  await say(t.db, shop, phone, 'hello');
  await say(t.db, shop, phone, 'YES');
  return phone;
}

const receipt = (total: string, receiptNumber = `R-${newPhone()}`) => recognizedReceipt({ receipt: { total, receiptNumber, date: todayInMalaysia() } });
const entriesOf = async (customerId: string) => t.db.select().from(contestEntries).where(and(eq(contestEntries.contestId, contestId), eq(contestEntries.customerId, customerId)));

describe('receipt contests', () => {
  it('a receipt of at least the minimum spend is an entry, confirmed after the purchase reply', async () => {
    const phone = await grantedCustomer();
    const { replies, customerId } = await sendReceipt(phone, recognizerOf(receipt('50.00')));
    const [entry] = await entriesOf(customerId);
    expect(entry?.purchaseId).toEqual(expect.any(String));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('RM 50.00');
    expect(replies[0]).toContain(`Entry ID: ${entry?.code}`);
  });

  it('below the minimum there is a purchase but no entry', async () => {
    const phone = await grantedCustomer();
    const { replies, customerId } = await sendReceipt(phone, recognizerOf(receipt('49.99')));
    expect(await entriesOf(customerId)).toHaveLength(0);
    expect(replies[0]).not.toContain('Entry ID');
  });

  it('a duplicate receipt does not enter twice', async () => {
    const phone = await grantedCustomer();
    const same = receipt('120.00', `DUP-${newPhone()}`);
    const first = await sendReceipt(phone, recognizerOf(same));
    const second = await sendReceipt(phone, recognizerOf(same));
    expect(readExtracted(second.job?.extracted)).toMatchObject({ outcome: 'duplicate_receipt' });
    expect(second.replies).toEqual([receiptDuplicateReply.en]);
    expect(await entriesOf(first.customerId)).toHaveLength(1);
  });

  it('a receipt rejected in review does not count', async () => {
    const phone = await grantedCustomer();
    const { job, customerId } = await sendReceipt(phone, recognizerOf(recognizedReceipt({ confidence: 0.3, receipt: { total: '500.00', date: todayInMalaysia() } })));
    await rejectOcrJob(t.db, shop, job?.id ?? '', { note: 'Receipt from another shop' }, { jobs: localJobClient });
    expect(await entriesOf(customerId)).toHaveLength(0);
  });

  it('an old receipt (dated before the contest) does not count', async () => {
    const phone = await grantedCustomer();
    const { customerId } = await sendReceipt(phone, recognizerOf(recognizedReceipt({ receipt: { total: '80.00', date: '2025-01-02', receiptNumber: `OLD-${newPhone()}` } })));
    expect(await entriesOf(customerId)).toHaveLength(0);
  });

  it('without marketing consent the purchase is recorded but there is no entry', async () => {
    const phone = newPhone();
    const { customerId } = await sendReceipt(phone, recognizerOf(receipt('75.00')));
    expect(await entriesOf(customerId)).toHaveLength(0);
  });
});
