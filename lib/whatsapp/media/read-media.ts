import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { media } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { type ObjectStorage, getStorage } from '@/lib/storage';
import { type MediaKind, kindOfStoredType } from './policy';

export interface MediaFile {
  bytes: Buffer;
  mimeType: string;
  kind: MediaKind;
  fileName: string | null;
}

// A stored file of the tenant's. Another tenant's id, a file still pending or one that failed
// all answer not_found alike.
export async function readStoredMedia(db: Database, input: { tenantId: string; mediaId: string }, storage: ObjectStorage = getStorage()): Promise<MediaFile> {
  const notFound = new AppError('not_found', 'No stored media with that id.');
  const [row] = await db
    .select({ storageKey: media.storageKey, mimeType: media.mimeType, fileName: media.fileName })
    .from(media)
    .where(and(eq(media.tenantId, input.tenantId), eq(media.id, input.mediaId), eq(media.status, 'stored')))
    .limit(1);
  if (!row?.storageKey || !row.mimeType) throw notFound;
  const object = await storage.get(row.storageKey);
  if (!object) throw notFound;
  return { bytes: object.bytes, mimeType: row.mimeType, kind: kindOfStoredType(row.mimeType), fileName: row.fileName };
}
