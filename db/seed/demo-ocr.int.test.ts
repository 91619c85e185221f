import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { media, messages, ocrJobs, tenants } from '@/db/schema';
import { readExtracted } from '@/lib/ocr-jobs/extracted';
import { inReviewReply } from '@/lib/ocr-jobs/replies';
import { useTestDatabase } from '@/lib/testing/database';
import { DEMO_BUSINESS, seedDemo } from './demo';
import { seedDemoOcr } from './demo-ocr';

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'sembang-demo-ocr-'));

const test = useTestDatabase();

describe('seedDemo: the review queue', () => {
  it('has two receipts and an IC card waiting, sent through the real path and answered "being checked"; seeding again adds nothing', async () => {
    await seedDemo(test.db);
    const [tenant] = await test.db.select().from(tenants).where(eq(tenants.name, DEMO_BUSINESS));
    const tenantId = tenant?.id ?? '';
    const jobs = await test.db.select().from(ocrJobs).where(eq(ocrJobs.tenantId, tenantId));
    expect(jobs.map((j) => [j.kind, j.status, j.source]).sort()).toEqual([
      ['ic_card', 'review', 'whatsapp'],
      ['receipt', 'review', 'whatsapp'],
      ['receipt', 'review', 'whatsapp'],
    ]);
    // Each says what the reviewer should look at: a low confidence or a total that was not read.
    expect(jobs.map((j) => readExtracted(j.extracted).problems.join(' ')).sort()).toEqual([
      'No total was found.',
      'Read with confidence 0.57, below 0.75.',
      'Read with confidence 0.61, below 0.75.',
    ]);
    const ic = jobs.find((j) => j.kind === 'ic_card');
    expect(readExtracted(ic?.extracted).icCard).toMatchObject({ icMasked: '960229-08-****', name: 'NUR SYAHIRAH BINTI KAMAL' });
    expect(JSON.stringify(ic)).not.toContain('960229085124');

    const files = await test.db.select().from(media).where(inArray(media.id, jobs.map((j) => j.mediaId ?? '')));
    expect(files.map((f) => [f.status, f.mimeType])).toEqual(Array(3).fill(['stored', 'image/jpeg']));
    const told = await test.db.select({ text: messages.text }).from(messages).where(and(eq(messages.tenantId, tenantId), inArray(messages.customerId, jobs.map((j) => j.customerId ?? ''))));
    expect(told.filter((m) => m.text === inReviewReply.receipt.en || m.text === inReviewReply.receipt.ms)).toHaveLength(2);
    expect(told.filter((m) => m.text === inReviewReply.ic_card.en || m.text === inReviewReply.ic_card.ms)).toHaveLength(1);

    await seedDemoOcr(test.db, { tenantId, tenantName: DEMO_BUSINESS, role: 'owner', userId: null, apiKeyId: null });
    expect(await test.db.$count(ocrJobs, eq(ocrJobs.tenantId, tenantId))).toBe(3);
  });
});
