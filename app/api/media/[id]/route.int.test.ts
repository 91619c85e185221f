import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getSessionContext } from '@/lib/auth/session';
import { resetEnvCache } from '@/lib/env';
import { getStorage } from '@/lib/storage';
import { useTestDatabase } from '@/lib/testing/database';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { fetchAndStoreMedia } from '@/lib/whatsapp/media/fetch-and-store';
import { insertPendingMedia, jpegBytes } from '@/lib/whatsapp/media/test-helpers';
import { GET } from './route';

// The session comes from next-auth's request scope, which exists only inside Next.js; here it
// is whatever a test says (no one signed in unless told).
vi.mock('@/lib/auth/session', () => ({ getSessionContext: vi.fn(async () => null) }));

const test = useTestDatabase({ asAppDatabase: true });
const dataDir = mkdtempSync(path.join(tmpdir(), 'sembang-media-route-'));
let t: ApiTenants;

// The route reads through getStorage(): point it at a temporary $DATA_DIR before first use.
beforeAll(async () => {
  process.env.DATA_DIR = dataDir;
  delete process.env.S3_BUCKET;
  resetEnvCache();
  t = await createApiTenants(test.db);
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function storedMedia(tenantId: string, bytes: Buffer, values: { mimeType: string; fileName?: string }): Promise<string> {
  const mediaId = await insertPendingMedia(test.db, tenantId, values);
  const outcome = await fetchAndStoreMedia(test.db, { tenantId, mediaId }, { provider: { fetchMedia: async () => ({ bytes, mimeType: values.mimeType }) } });
  expect(outcome.status).toBe('stored');
  return mediaId;
}

const get = (id: string, key: string) => callRoute(GET, { path: `/api/media/${id}`, key, params: { id } });

describe('GET /api/media/:id', () => {
  it('answers an image inline with its bytes and safe headers', async () => {
    const bytes = jpegBytes(2048);
    const id = await storedMedia(t.a.tenantId, bytes, { mimeType: 'image/jpeg' });

    const res = await get(id, t.keyA);

    expect(res.status).toBe(200);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'content-type': 'image/jpeg',
      'content-length': '2048',
      'content-disposition': 'inline',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=3600',
    });
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
  });

  it('answers a document as an attachment under its file name', async () => {
    const id = await storedMedia(t.a.tenantId, Buffer.from('%PDF-1.7\n'), { mimeType: 'application/pdf', fileName: 'Resit Mac.pdf' });

    const res = await get(id, t.keyA);

    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Resit Mac.pdf"; filename*=UTF-8''Resit%20Mac.pdf`);
  });

  it('answers 404 for another tenant’s media', async () => {
    const id = await storedMedia(t.b.tenantId, jpegBytes(), { mimeType: 'image/jpeg' });

    await expectProblem(await get(id, t.keyA), 404);
    expect((await get(id, t.keyB)).status).toBe(200);
  });

  it('answers 404 while the media is pending and after it failed', async () => {
    const pending = await insertPendingMedia(test.db, t.a.tenantId);
    const failed = await insertPendingMedia(test.db, t.a.tenantId);
    await fetchAndStoreMedia(test.db, { tenantId: t.a.tenantId, mediaId: failed }, { provider: { fetchMedia: async () => ({ bytes: Buffer.from('<html>'), mimeType: 'image/jpeg' }) } });

    await expectProblem(await get(pending, t.keyA), 404);
    await expectProblem(await get(failed, t.keyA), 404);
  });

  it('answers 404 when the bytes are gone from storage, and for an id that is no uuid', async () => {
    const id = await storedMedia(t.a.tenantId, jpegBytes(), { mimeType: 'image/jpeg' });
    rmSync(path.join(dataDir, 'media', t.a.tenantId), { recursive: true, force: true });

    await expectProblem(await get(id, t.keyA), 404);
    await expectProblem(await get('../../etc/passwd', t.keyA), 404);
  });

  it('answers a signed-in member of the tenant through the dashboard session', async () => {
    const id = await storedMedia(t.a.tenantId, jpegBytes(), { mimeType: 'image/jpeg' });
    vi.mocked(getSessionContext).mockResolvedValue({ ...t.a, role: 'agent' });

    try {
      expect((await callRoute(GET, { path: `/api/media/${id}`, params: { id } })).status).toBe(200);
      vi.mocked(getSessionContext).mockResolvedValue({ ...t.b, role: 'owner' });
      await expectProblem(await callRoute(GET, { path: `/api/media/${id}`, params: { id } }), 404);
    } finally {
      vi.mocked(getSessionContext).mockResolvedValue(null);
    }
  });

  it('answers 401 without a key or session', async () => {
    const id = await storedMedia(t.a.tenantId, jpegBytes(), { mimeType: 'image/jpeg' });

    await expectProblem(await callRoute(GET, { path: `/api/media/${id}`, params: { id } }), 401);
  });

  it('reads what the default storage keeps under $DATA_DIR/media/<tenant>/', async () => {
    const bytes = jpegBytes(512);
    await storedMedia(t.b.tenantId, bytes, { mimeType: 'image/jpeg' });

    const files = readdirSync(path.join(dataDir, 'media', t.b.tenantId), { recursive: true, encoding: 'utf8' }).filter((f) => /[0-9a-f]{8}-[0-9a-f-]{27}$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    expect(await getStorage().get(`${t.b.tenantId}/${files[0]}`)).toMatchObject({ contentType: 'image/jpeg' });
  });
});
