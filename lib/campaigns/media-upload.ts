import { createHash } from 'node:crypto';
import type { Database } from '@/db';
import { media } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { requireRole } from '@/lib/members/members';
import { type ObjectStorage, getStorage } from '@/lib/storage';
import { mediaStorageKey } from '@/lib/storage/keys';
import type { TenantContext } from '@/lib/tenants/context';
import { formatBytes, limitFor } from '@/lib/whatsapp/media/policy';
import { type SniffedType, sniffMediaType } from '@/lib/whatsapp/media/sniff';

// A campaign's image or video, uploaded in the builder: kept like inbound media (same storage,
// same key scheme, a 'stored' media row) but with no channel, since no message brought it.
// Dispatch uploads it to the channel's provider when the campaign runs (send-batch.ts).

// What WhatsApp Cloud API sends as an image or a video message.
const CAMPAIGN_MEDIA_TYPES: Partial<Record<SniffedType, 'image' | 'video'>> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'video/mp4': 'video',
  'video/3gpp': 'video',
};

const MAX_FILE_NAME_LENGTH = 255;

export interface StoredCampaignMedia {
  mediaId: string;
  mimeType: string;
  sizeBytes: number;
}

// Keeps only the last path segment and printable characters; the media route quotes it safely.
function cleanFileName(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean ? clean.slice(0, MAX_FILE_NAME_LENGTH) : null;
}

export async function storeCampaignMedia(
  db: Database,
  ctx: TenantContext,
  input: { bytes: Buffer; fileName: string },
  deps: { storage?: ObjectStorage; maxBytes?: number } = {},
): Promise<StoredCampaignMedia> {
  requireRole(ctx, 'admin');
  const { bytes } = input;
  if (bytes.length === 0) throw AppError.field('validation', 'file', 'The file is empty.');
  // The bytes decide the type; the name and the browser's declared type are not trusted.
  const mimeType = sniffMediaType(bytes);
  const kind = mimeType ? CAMPAIGN_MEDIA_TYPES[mimeType] : undefined;
  if (!mimeType || !kind) throw AppError.field('validation', 'file', 'Attach a JPEG or PNG image, or an MP4 or 3GP video: those are what WhatsApp sends.');
  const limit = limitFor(kind, deps.maxBytes ?? getEnv().MEDIA_MAX_BYTES);
  if (bytes.length > limit) {
    // Just over the limit rounds to the limit itself: then the exact count says why.
    const size = formatBytes(bytes.length) === formatBytes(limit) ? `${bytes.length.toLocaleString('en-MY')} bytes` : formatBytes(bytes.length);
    throw AppError.field('validation', 'file', `WhatsApp takes ${kind}s up to ${formatBytes(limit)}; this one is ${size}.`);
  }

  const storage = deps.storage ?? getStorage();
  const storageKey = mediaStorageKey(ctx.tenantId);
  await storage.put(storageKey, bytes, { contentType: mimeType });
  try {
    const [row] = await db
      .insert(media)
      .values({
        tenantId: ctx.tenantId,
        channelId: null,
        status: 'stored',
        mimeType,
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        fileName: cleanFileName(input.fileName),
        storageKey,
      })
      .returning({ id: media.id });
    if (!row) throw new Error('media insert returned nothing');
    return { mediaId: row.id, mimeType, sizeBytes: bytes.length };
  } catch (error) {
    // No row points at the file: it would never be served nor erased with the tenant's data.
    await storage.delete(storageKey);
    throw error;
  }
}
