import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, media } from '@/db/schema';
import { createLocalStorage } from '@/lib/storage/local';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, createTestTenant } from '@/lib/testing/factories';
import { ProviderError } from '@/lib/whatsapp/providers/errors';
import type { FetchedMedia } from '@/lib/whatsapp/providers/types';
import { MEDIA_FETCH_ATTEMPTS, fetchAndStoreMedia } from './fetch-and-store';
import { insertPendingMedia, jpegBytes } from './test-helpers';

const t = useTestDatabase();
const MB = 1024 * 1024;
let dir: string;
let tenant: MemberContext;
let other: MemberContext;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sembang-media-'));
  tenant = await createTestTenant(t.db, 'Kedai Gambar');
  other = await createTestTenant(t.db, 'Kedai Lain');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const storage = () => createLocalStorage(dir);
const providerReturning = (fetched: FetchedMedia) => ({ fetchMedia: vi.fn(async () => fetched) });
const providerThrowing = (error: Error) => ({ fetchMedia: vi.fn(async (): Promise<FetchedMedia> => Promise.reject(error)) });
const rowOf = async (id: string) => (await t.db.select().from(media).where(eq(media.id, id)))[0];
const storedFiles = (tenantId: string): string[] => {
  try {
    return readdirSync(path.join(dir, tenantId), { recursive: true, encoding: 'utf8' }).filter((f) => /[0-9a-f-]{36}$/.test(f));
  } catch {
    return [];
  }
};

describe('fetchAndStoreMedia', () => {
  it('fetches, checks and stores an image, keeping our SHA-256 and the type the bytes show', async () => {
    const bytes = jpegBytes(4096);
    const digest = createHash('sha256').update(bytes).digest();
    const mediaId = await insertPendingMedia(t.db, tenant.tenantId, { mimeType: 'image/jpeg', sha256: digest.toString('base64') });
    const provider = providerReturning({ bytes, mimeType: 'application/octet-stream' });
    const row = await rowOf(mediaId);

    const outcome = await fetchAndStoreMedia(t.db, { tenantId: tenant.tenantId, mediaId }, { storage: storage(), provider, maxBytes: 16 * MB });

    expect(provider.fetchMedia).toHaveBeenCalledWith(row?.providerMediaId, { maxBytes: 16 * MB });
    expect(outcome).toEqual({ status: 'stored', storageKey: expect.stringMatching(new RegExp(`^${tenant.tenantId}/\\d{4}/\\d{2}/[0-9a-f-]{36}$`)) });
    const after = await rowOf(mediaId);
    expect(after).toMatchObject({ status: 'stored', mimeType: 'image/jpeg', sizeBytes: 4096, sha256: digest.toString('hex'), error: null });
    expect(await storage().get(after?.storageKey ?? '')).toEqual({ bytes, contentType: 'image/jpeg' });
  });

  it('keeps the file name from the webhook, or the provider’s when the webhook had none', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n');
    const named = await insertPendingMedia(t.db, tenant.tenantId, { mimeType: 'application/pdf', fileName: 'Invois-123.pdf' });
    const unnamed = await insertPendingMedia(t.db, tenant.tenantId, { mimeType: 'application/pdf' });
    const provider = providerReturning({ bytes: pdf, mimeType: 'application/pdf', fileName: 'from-provider.pdf' });

    await fetchAndStoreMedia(t.db, { tenantId: tenant.tenantId, mediaId: named }, { storage: storage(), provider });
    await fetchAndStoreMedia(t.db, { tenantId: tenant.tenantId, mediaId: unnamed }, { storage: storage(), provider });

    expect(await rowOf(named)).toMatchObject({ status: 'stored', fileName: 'Invois-123.pdf', mimeType: 'application/pdf' });
    expect(await rowOf(unnamed)).toMatchObject({ status: 'stored', fileName: 'from-provider.pdf' });
  });

  it('does not fetch again once stored', async () => {
    const mediaId = await insertPendingMedia(t.db, tenant.tenantId);
    const provider = providerReturning({ bytes: jpegBytes(), mimeType: 'image/jpeg' });
    await fetchAndStoreMedia(t.db, { tenantId: tenant.tenantId, mediaId }, { storage: storage(), provider });
    const first = await rowOf(mediaId);

    const outcome = await fetchAndStoreMedia(t.db, { tenantId: tenant.tenantId, mediaId }, { storage: storage(), provider });

    expect(outcome).toEqual({ status: 'skipped' });
    expect(provider.fetchMedia).toHaveBeenCalledTimes(1);
    expect(await rowOf(mediaId)).toEqual(first);
  });

  it('marks the media failed when the provider says it is too large', async () => {
    const mediaId = await insertPendingMedia(t.db, tenant.tenantId, { mimeType: 'video/mp4' });
    const provider = providerThrowing(new ProviderError({ kind: 'invalid', message: 'The media is larger than the 16 MB limit.' }));

    const outcome = await fetchAndStoreMedia(t.db, { tenantId: tenant.tenantId, mediaId }, { storage: storage(), provider });

    expect(outcome).toEqual({ status: 'failed', reason: 'The media is larger than the 16 MB limit.' });
    expect(await rowOf(mediaId)).toMatchObject({ status: 'failed', error: 'The media is larger than the 16 MB limit.', storageKey: null });
  });

  it('marks an image over WhatsApp’s 5 MB image limit failed, and one over the cap even if the provider ignored it', async () => {
    const big = await insertPendingMedia(t.db, tenant.tenantId);
    const huge = await insertPendingMedia(t.db, tenant.tenantId);

    await fetchAndStoreMedia(t.db, { tenantId: tenant.tenantId, mediaId: big }, { storage: storage(), provider: providerReturning({ bytes: jpegBytes(6 * MB), mimeType: 'image/jpeg' }), maxBytes: 16 * MB });
    await fetchAndStoreMedia(t.db, { tenantId: tenant.tenantId, mediaId: huge }, { storage: storage(), provider: providerReturning({ bytes: jpegBytes(2 * MB), mimeType: 'image/jpeg' }), maxBytes: MB });

    expect(await rowOf(big)).toMatchObject({ status: 'failed', error: 'Refused: the image (6,291,456 bytes) is over the 5 MB limit.' });
    expect(await rowOf(huge)).toMatchObject({ status: 'failed', error: 'Refused: the file is over the 1 MB limit.' });
  });

  it('refuses HTML that claims to be image/jpeg and stores nothing', async () => {
    const mediaId = await insertPendingMedia(t.db, other.tenantId, { mimeType: 'image/jpeg' });
    const provider = providerReturning({ bytes: Buffer.from('<!doctype html><script>steal()</script>'), mimeType: 'image/jpeg' });

    const outcome = await fetchAndStoreMedia(t.db, { tenantId: other.tenantId, mediaId }, { storage: storage(), provider });

    expect(outcome).toEqual({ status: 'failed', reason: 'Refused: the file is HTML or SVG.' });
    expect(await rowOf(mediaId)).toMatchObject({ status: 'failed', storageKey: null, mimeType: 'image/jpeg' });
    expect(storedFiles(other.tenantId)).toEqual([]);
  });

  it('refuses a file that does not match the checksum WhatsApp sent', async () => {
    const mediaId = await insertPendingMedia(t.db, tenant.tenantId, { sha256: createHash('sha256').update('another file').digest('base64') });

    await fetchAndStoreMedia(t.db, { tenantId: tenant.tenantId, mediaId }, { storage: storage(), provider: providerReturning({ bytes: jpegBytes(), mimeType: 'image/jpeg' }) });

    expect(await rowOf(mediaId)).toMatchObject({ status: 'failed', error: expect.stringContaining('does not match the checksum') });
  });

  it('rethrows a retryable provider error and leaves the row pending for the retry', async () => {
    const mediaId = await insertPendingMedia(t.db, tenant.tenantId);
    const error = new ProviderError({ kind: 'network', message: 'Could not reach WhatsApp; the request will be retried.', retryable: true });

    await expect(fetchAndStoreMedia(t.db, { tenantId: tenant.tenantId, mediaId }, { storage: storage(), provider: providerThrowing(error) }, 1)).rejects.toBe(error);

    expect(await rowOf(mediaId)).toMatchObject({ status: 'pending', error: null });
  });

  it('gives up on the last attempt and says why', async () => {
    const mediaId = await insertPendingMedia(t.db, tenant.tenantId);
    const provider = providerThrowing(new ProviderError({ kind: 'server', message: 'WhatsApp answered with HTTP 503.', retryable: true }));

    const outcome = await fetchAndStoreMedia(t.db, { tenantId: tenant.tenantId, mediaId }, { storage: storage(), provider }, MEDIA_FETCH_ATTEMPTS);

    expect(outcome).toEqual({ status: 'failed', reason: `Gave up after ${MEDIA_FETCH_ATTEMPTS} attempts: WhatsApp answered with HTTP 503.` });
    expect(await rowOf(mediaId)).toMatchObject({ status: 'failed' });
  });

  it('does not touch another tenant’s media', async () => {
    const mediaId = await insertPendingMedia(t.db, other.tenantId);
    const provider = providerReturning({ bytes: jpegBytes(), mimeType: 'image/jpeg' });

    const outcome = await fetchAndStoreMedia(t.db, { tenantId: tenant.tenantId, mediaId }, { storage: storage(), provider });

    expect(outcome).toEqual({ status: 'skipped' });
    expect(provider.fetchMedia).not.toHaveBeenCalled();
    expect(await rowOf(mediaId)).toMatchObject({ status: 'pending' });
  });

  it('fails media whose channel was deleted', async () => {
    const mediaId = await insertPendingMedia(t.db, tenant.tenantId, { channelId: null });

    const outcome = await fetchAndStoreMedia(t.db, { tenantId: tenant.tenantId, mediaId }, { storage: storage(), provider: providerReturning({ bytes: jpegBytes(), mimeType: null }) });

    expect(outcome).toEqual({ status: 'failed', reason: 'The channel was deleted before the media could be fetched.' });
  });
});

describe('fetchAndStoreMedia with the channel’s own provider', () => {
  it('asks the sandbox channel, which has no such media, and fails the row', async () => {
    const [channel] = await t.db.insert(channels).values({ tenantId: tenant.tenantId, type: 'sandbox', name: 'Sandbox', phoneNumberId: `sandbox-${randomUUID()}` }).returning();
    const mediaId = await insertPendingMedia(t.db, tenant.tenantId, { channelId: channel?.id });

    const outcome = await fetchAndStoreMedia(t.db, { tenantId: tenant.tenantId, mediaId }, { storage: storage() });

    expect(outcome).toEqual({ status: 'failed', reason: 'The sandbox has no media with this id.' });
  });

  it('fails media whose channel belongs to another tenant', async () => {
    const [foreign] = await t.db.insert(channels).values({ tenantId: other.tenantId, type: 'sandbox', name: 'Theirs', phoneNumberId: `sandbox-${randomUUID()}` }).returning();
    const mediaId = await insertPendingMedia(t.db, tenant.tenantId, { channelId: foreign?.id });

    const outcome = await fetchAndStoreMedia(t.db, { tenantId: tenant.tenantId, mediaId }, { storage: storage() });

    expect(outcome).toMatchObject({ status: 'failed' });
  });
});
