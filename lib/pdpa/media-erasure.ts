import { type SQL, and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { channels, media, messages } from '@/db/schema';
import type { StoredFile } from '@/lib/customers/delete';

// The media rows (and where their files are) of the messages matching `where`. Media has no
// customer column: it is reached through the messages.
export function messageMediaFiles(tx: Database, tenantId: string, where: SQL): Promise<(StoredFile & { id: string })[]> {
  return tx
    .select({
      id: media.id,
      tenantId: media.tenantId,
      storageKey: media.storageKey,
      // The simulator keeps its own copy of what a sandbox customer sent, as Meta does.
      sandboxMediaId: sql<string | null>`case when ${channels.type} = 'sandbox' then ${media.providerMediaId} end`,
    })
    .from(messages)
    .innerJoin(media, and(eq(media.tenantId, tenantId), eq(media.id, messages.mediaId)))
    .leftJoin(channels, and(eq(channels.tenantId, tenantId), eq(channels.id, media.channelId)))
    .where(and(eq(messages.tenantId, tenantId), where, isNotNull(messages.mediaId)));
}

// Deletes the media rows of the messages matching `where` and unlinks them from the messages,
// which stay. Returns the files to remove from storage once the transaction has committed
// (lib/customers/delete's removeFiles), so a rolled-back erasure never loses files it kept.
export async function detachMessageMedia(tx: Database, tenantId: string, where: SQL): Promise<StoredFile[]> {
  const files = await messageMediaFiles(tx, tenantId, where);
  if (files.length === 0) return [];
  const ids = files.map((f) => f.id);
  await tx
    .update(messages)
    .set({ mediaId: null })
    .where(and(eq(messages.tenantId, tenantId), inArray(messages.mediaId, ids)));
  await tx.delete(media).where(and(eq(media.tenantId, tenantId), inArray(media.id, ids)));
  return files;
}
