import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, jobs } from '@/db/schema';
import { settle } from '@/lib/automation/test-helpers';
import { type JobHandlers, jobHandlers } from '@/lib/jobs/handlers';
import { startJobWorker } from '@/lib/jobs/worker';
import type { OcrJobJson } from '@/lib/ocr-jobs/json';
import { getOcrJob } from '@/lib/ocr-jobs/list';
import { type Recognizer, processOcrJob } from '@/lib/ocr-jobs/process';
import { ocrJobResponse } from '@/lib/ocr-jobs/respond';
import { recognizedIc, recognizedReceipt, recognizerOf } from '@/lib/ocr-jobs/test-helpers';
import { useTestDatabase } from '@/lib/testing/database';
import { addMember } from '@/lib/testing/factories';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { GET as getOne } from './[id]/route';
import { GET as list, POST as post } from './route';

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'sembang-ocr-api-'));

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;

beforeAll(async () => {
  t = await createApiTenants(test.db);
  await settle(test.db);
});

const reading = (recognize: Recognizer): JobHandlers => ({
  ...jobHandlers,
  'ocr/document.received': async ({ db, data, attempt }) => {
    await processOcrJob(db, data, { recognize }, attempt);
  },
});

let shade = 0;
const photo = async () => {
  shade += 1;
  return sharp({ create: { width: 24, height: 24, channels: 3, background: { r: shade, g: 90, b: 40 } } }).jpeg().toBuffer();
};

function upload(bytes: Buffer, options: { key?: string; headers?: Record<string, string>; name?: string; type?: string } = {}) {
  const body = new FormData();
  body.set('file', new File([new Uint8Array(bytes)], options.name ?? 'resit.jpg', { type: options.type ?? 'image/jpeg' }));
  return callRoute(post, { method: 'POST', path: '/api/v1/ocr', key: options.key ?? t.keyA, body, headers: options.headers });
}
const fetchOne = (id: string, key = t.keyA) => callRoute(getOne, { path: `/api/v1/ocr/${id}`, key, params: { id } });

describe('POST /api/v1/ocr', () => {
  it('with Prefer: respond-async answers 202 and Location; once the job has run, GET answers the read receipt', async () => {
    const res = await upload(await photo(), { headers: { prefer: 'respond-async' } });
    expect(res.status).toBe(202);
    const queued = (await res.json()) as OcrJobJson;
    expect(res.headers.get('location')).toBe(`/api/v1/ocr/${queued.id}`);
    expect(queued).toMatchObject({ status: 'queued', source: 'api', kind: null, receipt: null, icCard: null, customerId: null, mediaId: expect.any(String) });
    expect((await fetchOne(queued.id)).status).toBe(202);

    await settle(test.db, reading(recognizerOf(recognizedReceipt({ confidence: 0.5, receipt: { rounding: '-0.02', receiptNumber: 'A-0988' } }))));
    const done = await fetchOne(queued.id);
    expect(done.status).toBe(200);
    expect(done.headers.get('cache-control')).toBe('no-store');
    expect(await done.json()).toEqual({
      id: queued.id,
      status: 'completed',
      source: 'api',
      kind: 'receipt',
      confidence: 0.5,
      icCard: null,
      receipt: {
        merchant: 'Kedai Kopi Aisyah',
        date: '2026-03-14',
        total: '45.90',
        currency: 'MYR',
        items: [
          { name: 'Kopi O ais', quantity: 2, amount: '7.00' },
          { name: 'Nasi lemak ayam', quantity: 4, amount: '36.30' },
        ],
        tax: '2.60',
        rounding: '-0.02',
        receiptNumber: 'A-0988',
        paymentMethod: 'Cash',
      },
      text: expect.stringContaining('TOTAL 45.90'),
      outcome: 'read',
      failureReason: null,
      customerId: null,
      mediaId: queued.mediaId,
      purchaseId: null,
      timings: expect.objectContaining({ ocrMs: 900, totalMs: expect.any(Number) }),
      createdAt: expect.any(String),
      completedAt: expect.any(String),
    });
  });

  it('waits for the job worker and answers 201 with the result; an API key gets the full IC number, audited', async () => {
    const worker = startJobWorker({ db: test.db, pollIntervalMs: 50, concurrency: 2, handlers: reading(recognizerOf(recognizedIc())) });
    try {
      const res = await upload(await photo());
      expect(res.status).toBe(201);
      const body = (await res.json()) as OcrJobJson;
      expect(res.headers.get('location')).toBe(`/api/v1/ocr/${body.id}`);
      expect(body).toMatchObject({ status: 'completed', kind: 'ic_card', confidence: 0.93, receipt: null, icCard: { icNumber: '901231011234', name: 'SITI AMINAH BINTI ABU', dateOfBirth: '1990-12-31', gender: 'F', state: 'MY-01' } });
      expect(body.text).toContain('901231-01-****');
      expect(body.text).not.toContain('901231-01-1234');
      const audits = await test.db.select().from(auditLog).where(and(eq(auditLog.tenantId, t.a.tenantId), eq(auditLog.action, 'ocr_job.ic_revealed'), eq(auditLog.targetId, body.id)));
      expect(audits).toHaveLength(1);

      // Agents (the dashboard) see it masked, and nothing is audited.
      const agent = await addMember(test.db, t.a, 'agent');
      const masked = (await (await ocrJobResponse(test.db, agent, await getOcrJob(test.db, agent, body.id))).json()) as OcrJobJson;
      expect(masked.icCard?.icNumber).toBe('901231-01-****');
      expect(await test.db.$count(auditLog, and(eq(auditLog.action, 'ocr_job.ic_revealed'), eq(auditLog.targetId, body.id)))).toBe(1);
    } finally {
      await worker.stop();
    }
  });

  it('a file that is not an image or PDF is a failed job with the reason at once, and nothing is queued', async () => {
    const res = await upload(Buffer.from('TOTAL 45.90\nTerima kasih\n'), { name: 'resit.txt', type: 'text/plain' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as OcrJobJson;
    expect(body).toMatchObject({ status: 'failed', kind: null, mediaId: null, failureReason: 'The file (sent as text/plain) is not a JPEG, PNG, WebP or PDF.' });
    expect(await test.db.$count(jobs, eq(jobs.dedupeKey, `ocr:${body.id}`))).toBe(0);
  });

  it('refuses a missing or empty file (422) and a file over 10 MB (413)', async () => {
    await expectProblem(await callRoute(post, { method: 'POST', path: '/api/v1/ocr', key: t.keyA, body: new FormData() }), 422);
    await expectProblem(await upload(Buffer.alloc(0)), 422);
    await expectProblem(await upload(Buffer.alloc(10 * 1024 * 1024 + 100 * 1024, 1)), 413);
    await expectProblem(await upload(await photo(), { key: 'sbg_revoked' }), 401);
  });
});

describe('GET /api/v1/ocr and /api/v1/ocr/:id', () => {
  it("lists the tenant's jobs newest first, with filters and cursor pages; another tenant's id is 404", async () => {
    const res = await upload(Buffer.from('not an image'), { headers: { prefer: 'respond-async' } });
    const { id } = (await res.json()) as OcrJobJson;
    const page = (await (await callRoute(list, { path: '/api/v1/ocr?status=failed&limit=1', key: t.keyA })).json()) as { data: OcrJobJson[]; nextCursor: string | null };
    expect(page.data.map((j) => j.id)).toEqual([id]);
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = (await (await callRoute(list, { path: `/api/v1/ocr?status=failed&limit=1&cursor=${page.nextCursor}`, key: t.keyA })).json()) as { data: OcrJobJson[] };
    expect(next.data).toHaveLength(1);
    expect(next.data[0]?.id).not.toBe(id);
    const ics = (await (await callRoute(list, { path: '/api/v1/ocr?kind=ic_card', key: t.keyA })).json()) as { data: OcrJobJson[] };
    expect(ics.data.length).toBeGreaterThan(0);
    expect(ics.data.every((j) => j.icCard?.icNumber === '901231-01-****')).toBe(true);
    expect((await (await callRoute(list, { path: '/api/v1/ocr', key: t.keyB })).json()).data).toEqual([]);
    await expectProblem(await callRoute(list, { path: '/api/v1/ocr?status=done', key: t.keyA }), 422);
    await expectProblem(await fetchOne(id, t.keyB), 404);
    await expectProblem(await fetchOne('not-a-uuid'), 404);
  });
});
