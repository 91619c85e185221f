import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages, ocrJobs, purchases } from '@/db/schema';
import { customerByPhone, newPhone, say, settle } from '@/lib/automation/test-helpers';
import { resetEnvCache } from '@/lib/env';
import { localJobClient } from '@/lib/jobs/local-driver';
import { shutdownOcrEngine } from '@/lib/ocr/engine';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, createTestTenant } from '@/lib/testing/factories';
import { simulateInbound } from '@/lib/whatsapp/sandbox/simulate-inbound';
import { readExtracted } from './extracted';

// The whole way with the real engine (sharp, Tesseract eng+msa offline, extraction): a fixture
// receipt photo sent from the simulator ends as a purchase and a reply. One image, because OCR
// takes seconds on a shared machine.

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'sembang-ocr-engine-'));
process.env.OCR_WORKERS = '1';
resetEnvCache();

const t = useTestDatabase({ asAppDatabase: true });
let shop: MemberContext;
const SLOW = 180_000;

beforeAll(async () => {
  shop = await createTestTenant(t.db, 'Kopitiam Ujian');
  await settle(t.db);
});

afterAll(() => shutdownOcrEngine());

describe('a receipt photo through the real OCR engine', () => {
  it('is read, recorded as a purchase, and answered', { timeout: SLOW }, async () => {
    const phone = newPhone();
    await say(t.db, shop, phone, 'hello');
    await say(t.db, shop, phone, 'YES');
    const bytes = readFileSync(path.resolve('lib/ocr/test-fixtures/ocr-synthetic/images/receipt_002.jpg'));
    const { wamid } = await simulateInbound(t.db, shop, { phone, message: { type: 'image', fileName: 'resit.jpg', mimeType: 'image/jpeg', bytes } }, { jobs: localJobClient });
    await settle(t.db);

    const [message] = await t.db.select().from(messages).where(eq(messages.wamid, wamid));
    const [job] = await t.db.select().from(ocrJobs).where(eq(ocrJobs.messageId, message?.id ?? ''));
    expect(job).toMatchObject({ status: 'completed', kind: 'receipt', purchaseId: expect.any(String) });
    expect(job?.confidence).toBeGreaterThanOrEqual(0.75);
    expect(job?.text).toMatch(/KOPITIAM/i);
    expect(job?.timings).toMatchObject({ ocrMs: expect.any(Number), preprocessMs: expect.any(Number) });
    expect(job?.timings?.ocrMs).toBeGreaterThan(0);
    expect(readExtracted(job?.extracted)).toMatchObject({ outcome: 'purchase_recorded', source: 'ocr', receipt: { total: '48.12', date: '2023-07-19', tax: '2.72' } });

    const [purchase] = await t.db.select().from(purchases).where(eq(purchases.id, job?.purchaseId ?? ''));
    expect(purchase).toMatchObject({ source: 'receipt', total: '48.12', purchasedOn: '2023-07-19', receiptMediaId: message?.mediaId, ocrJobId: job?.id });
    expect(await customerByPhone(t.db, shop, phone)).toMatchObject({ totalSpent: '48.12', purchaseCount: 1, tier: 'bronze' });
    const [reply] = await t.db.select().from(messages).where(eq(messages.conversationId, message?.conversationId ?? '')).then((rows) => rows.filter((m) => m.direction === 'outbound' && m.createdAt > (message?.createdAt ?? new Date(0))).slice(-1));
    expect(reply?.text).toMatch(/^Thank you! We recorded your purchase .*of RM 48\.12 \(19\/07\/2023\)\. Your total spend is now RM 48\.12 and your tier is Bronze\.$/);
  });
});
