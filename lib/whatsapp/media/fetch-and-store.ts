import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { media } from '@/db/schema';
import { providerForChannel } from '@/lib/channels/provider-for-channel';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { JobClient } from '@/lib/jobs/client';
import { logger } from '@/lib/logger';
import { wakeOcrJobs } from '@/lib/ocr-jobs/queue';
import { type ObjectStorage, getStorage } from '@/lib/storage';
import { mediaStorageKey } from '@/lib/storage/keys';
import { ProviderError } from '@/lib/whatsapp/providers/errors';
import type { WhatsAppProvider } from '@/lib/whatsapp/providers/types';
import { digestMatches } from './checksum';
import { checkMedia, formatBytes } from './policy';

// Matches the job's attempts (jobs.max_attempts, the Inngest function's retries + 1): on the
// last one a retryable failure is final, so no row stays 'pending' for ever.
export const MEDIA_FETCH_ATTEMPTS = 5;

const MAX_FILE_NAME_LENGTH = 255;

export interface MediaDeps {
  storage: ObjectStorage;
  // Where the OCR jobs waiting for the file are queued (default: the configured driver).
  jobs: JobClient;
  // The channel's provider; resolved from the media row's channel when omitted.
  provider?: Pick<WhatsAppProvider, 'fetchMedia'>;
  // MEDIA_MAX_BYTES unless given.
  maxBytes: number;
}

export type MediaOutcome = { status: 'stored'; storageKey: string } | { status: 'failed'; reason: string } | { status: 'skipped' };

const log = logger.child({ module: 'media' });

// A failure that no retry can fix; it ends as the row's `error`.
class PermanentMediaError extends Error {}

// Business errors (AppError: the channel is gone) and provider errors marked so are final too.
function isPermanent(error: unknown): boolean {
  return error instanceof PermanentMediaError || error instanceof AppError || (error instanceof ProviderError && !error.retryable);
}

// The job behind 'whatsapp/media.fetch': downloads an inbound file through the channel's
// provider, checks it (type from the bytes, size, Meta's checksum) and stores it. Permanent
// problems mark the row 'failed' with a reason; retryable ones are rethrown for the job to retry.
export async function fetchAndStoreMedia(
  db: Database,
  input: { tenantId: string; mediaId: string },
  deps: Partial<MediaDeps> = {},
  attempt = 1,
): Promise<MediaOutcome> {
  const where = and(eq(media.tenantId, input.tenantId), eq(media.id, input.mediaId), eq(media.status, 'pending'));
  const [row] = await db.select().from(media).where(where).limit(1);
  // Gone (erased) or already settled by an earlier run: nothing to do but the wake-up, in
  // case that run stopped between settling the file and queueing its OCR.
  if (!row) {
    await wakeOcrJobs(db, input, deps.jobs);
    return { status: 'skipped' };
  }

  const fail = async (reason: string): Promise<MediaOutcome> => {
    const failed = await db.update(media).set({ status: 'failed', error: reason }).where(where).returning({ id: media.id });
    log.warn({ tenantId: input.tenantId, mediaId: input.mediaId, reason }, 'media not stored');
    // An OCR job waiting for this file records the failure and tells the customer.
    if (failed.length > 0) await wakeOcrJobs(db, input, deps.jobs);
    return { status: 'failed', reason };
  };

  const storage = deps.storage ?? getStorage();
  const maxBytes = deps.maxBytes ?? getEnv().MEDIA_MAX_BYTES;
  try {
    const { providerMediaId, channelId } = row;
    if (!providerMediaId) throw new PermanentMediaError('The message named no media to fetch.');
    if (!channelId) throw new PermanentMediaError('The channel was deleted before the media could be fetched.');
    const provider = deps.provider ?? (await providerForChannel(db, { tenantId: input.tenantId, channelId }));
    const fetched = await provider.fetchMedia(providerMediaId, { maxBytes });
    const { bytes } = fetched;
    // Providers stop reading at maxBytes; this holds even for one that does not.
    if (bytes.length > maxBytes) throw new PermanentMediaError(`Refused: the file is over the ${formatBytes(maxBytes)} limit.`);

    // The declared type only tells Office formats apart; the bytes decide everything else.
    const check = checkMedia(bytes, row.mimeType ?? fetched.mimeType, maxBytes);
    if (!check.ok) throw new PermanentMediaError(check.reason);
    const digest = createHash('sha256').update(bytes).digest();
    if (row.sha256 && digestMatches(digest, row.sha256) === false) {
      throw new PermanentMediaError('Refused: the file does not match the checksum WhatsApp sent with the message.');
    }

    const storageKey = mediaStorageKey(input.tenantId);
    await storage.put(storageKey, bytes, { contentType: check.mimeType });
    const fileName = (row.fileName ?? fetched.fileName)?.slice(0, MAX_FILE_NAME_LENGTH) ?? null;
    const updated = await db
      .update(media)
      .set({ status: 'stored', mimeType: check.mimeType, sizeBytes: bytes.length, sha256: digest.toString('hex'), storageKey, fileName, error: null })
      .where(where)
      .returning({ id: media.id });
    if (updated.length === 0) {
      // A concurrent run settled the row first; its copy is the one in use.
      await storage.delete(storageKey);
      return { status: 'skipped' };
    }
    // A photo or PDF the inbound pipeline queued for OCR can be read now (lib/ocr-jobs/queue).
    await wakeOcrJobs(db, input, deps.jobs);
    return { status: 'stored', storageKey };
  } catch (error) {
    if (isPermanent(error)) return fail(error instanceof Error ? error.message : String(error));
    if (attempt < MEDIA_FETCH_ATTEMPTS) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    log.error({ err: error, tenantId: input.tenantId, mediaId: input.mediaId }, 'media fetch gave up');
    return fail(`Gave up after ${attempt} attempts: ${detail}`);
  }
}
