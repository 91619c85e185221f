import { createHash } from 'node:crypto';
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, ocrJobs } from '@/db/schema';
import { localJobClient } from '@/lib/jobs/local-driver';
import { todayInMalaysia } from '@/lib/mykad';
import type { RecognizedDocument } from '@/lib/ocr/recognize';
import type { ReceiptFields } from '@/lib/ocr/types';
import { processOcrJob } from '@/lib/ocr-jobs/process';
import { addDays } from '@/lib/purchases/tiers';
import type { TenantContext } from '@/lib/tenants/context';
import { sandboxChannel } from '@/lib/whatsapp/sandbox/channel';
import { simulateInbound } from '@/lib/whatsapp/sandbox/simulate-inbound';
import { runDemoJobs, seedJobs, settleSummaries } from './demo-automation';
import { type DemoReceipt, icCardImage, receiptImage } from './demo-ocr-images';

// A few photos waiting in the review queue: demo customers send them from the simulator through
// the real path (webhook, media job, inbound pipeline, OCR job, "being checked" reply). What OCR
// "read" is fixed here instead of running Tesseract at seeding, and unsure enough to need a person.
// Seeding twice adds nothing: a tenant with OCR jobs is left alone.

const HOUR = 3_600_000;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const timings = { preprocessMs: 310, ocrMs: 2140, extractMs: 6 };

function receiptRead(r: DemoReceipt, confidence: number, total: string | null): RecognizedDocument {
  const receipt: ReceiptFields = {
    merchant: r.merchant,
    address: r.address,
    date: r.day,
    total,
    currency: 'MYR',
    items: r.items,
    subtotal: null,
    tax: r.tax,
    rounding: null,
    receiptNumber: r.receiptNumber,
    paymentMethod: null,
    cash: null,
    change: null,
  };
  const text = [r.merchant.toUpperCase(), r.address, `Resit No: ${r.receiptNumber}`, ...r.items.map((i) => `${i.name} x${i.quantity} ${i.amount}`), `SST 6% ${r.tax}`, `JUMLAH / TOTAL ${total ?? '~~.~~'}`].join('\n');
  return { ok: true, kind: 'receipt', confidence, text, icCard: null, receipt, receiptChecks: { cashChange: null, breakdown: total ? false : null, items: null }, source: 'ocr', steps: ['grayscale', 'deskew'], timings };
}

async function demoPhotos() {
  const today = todayInMalaysia();
  const lunch: DemoReceipt = {
    merchant: 'Kedai Kopi Aisyah (Bangsar)',
    address: '12 Jalan Telawi 3, 59100 Kuala Lumpur',
    day: addDays(today, -1),
    receiptNumber: 'KKA-20931',
    items: [
      { name: 'Nasi lemak ayam', quantity: 2, amount: '17.00' },
      { name: 'Teh tarik', quantity: 3, amount: '9.00' },
      { name: 'Kek pandan', quantity: 1, amount: '10.32' },
    ],
    tax: '2.18',
    total: '38.50',
    smudged: true,
  };
  const catering: DemoReceipt = {
    merchant: 'Kedai Kopi Aisyah (Shah Alam)',
    address: 'Lot 7, Seksyen 13, 40100 Shah Alam',
    day: addDays(today, -3),
    receiptNumber: 'KKA-20877',
    items: [{ name: 'Tempahan katering', quantity: 1, amount: '240.00' }],
    tax: '14.40',
    total: '254.40',
    smudged: true,
  };
  const card = { icNumber: '960229-08-5124', name: 'NUR SYAHIRAH BINTI KAMAL', address: ['NO 8 JALAN MERANTI 2', '30450 IPOH', 'PERAK'] };
  const [lunchPhoto, cateringPhoto, cardPhoto] = await Promise.all([receiptImage(lunch), receiptImage(catering), icCardImage(card)]);
  const cardRead: RecognizedDocument = {
    ok: true,
    kind: 'ic_card',
    confidence: 0.61,
    text: `KAD PENGENALAN\nMyKad\n${card.icNumber}\n${card.name}\n${card.address.join('\n')}`,
    icCard: { icNumber: card.icNumber.replace(/-/g, ''), name: card.name, dateOfBirth: '1996-02-29', gender: 'F', state: 'MY-08' },
    receipt: null,
    receiptChecks: null,
    source: 'ocr',
    steps: ['grayscale'],
    timings,
  };
  return [
    { bytes: lunchPhoto, read: receiptRead(lunch, 0.57, '38.50'), ago: 3 * HOUR, caption: 'Resit makan tengah hari semalam' },
    { bytes: cateringPhoto, read: receiptRead(catering, 0.82, null), ago: 2 * HOUR, caption: 'Receipt for the catering order' },
    { bytes: cardPhoto, read: cardRead, ago: 1 * HOUR, caption: 'IC saya' },
  ];
}

export async function seedDemoOcr(db: Database, ctx: TenantContext): Promise<void> {
  if ((await db.$count(ocrJobs, eq(ocrJobs.tenantId, ctx.tenantId))) > 0) return;
  const granted = and(eq(customers.tenantId, ctx.tenantId), eq(customers.consentStatus, 'granted'), isNotNull(customers.phone));
  const senders = await db.select({ phone: customers.phone }).from(customers).where(granted).orderBy(asc(customers.phone)).limit(2);
  // The IC card comes from someone whose IC is not on file yet.
  const [icSender] = await db.select({ phone: customers.phone }).from(customers).where(and(granted, isNull(customers.icHash))).orderBy(asc(customers.phone)).limit(1);
  const photos = await demoPhotos();
  const from = [senders[0]?.phone, senders[1]?.phone, icSender?.phone];
  const reads = new Map<string, RecognizedDocument>();
  for (const [i, photo] of photos.entries()) {
    const phone = from[i];
    if (!phone) continue;
    reads.set(sha(photo.bytes), photo.read);
    const message = { type: 'image' as const, fileName: `photo-${i + 1}.jpg`, mimeType: 'image/jpeg', bytes: photo.bytes, caption: photo.caption };
    await simulateInbound(db, ctx, { phone, message }, { jobs: localJobClient, at: new Date(Date.now() - photo.ago) });
  }
  await runDemoJobs(db, ctx.tenantId, {
    'ocr/document.received': async ({ db: jobDb, data, attempt }) => {
      const recognize = async (bytes: Buffer) => reads.get(sha(bytes)) ?? { ok: false as const, reason: 'ocr_failed' as const, message: 'Not a demo photo.', timings };
      await processOcrJob(jobDb, data, { recognize, jobs: seedJobs }, attempt);
    },
  });
  const channel = await sandboxChannel(db, ctx.tenantId);
  await settleSummaries(db, ctx.tenantId, channel.id);
}
