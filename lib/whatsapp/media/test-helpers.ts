import { randomUUID } from 'node:crypto';
import type { Database } from '@/db';
import { channels, media } from '@/db/schema';

// A pending media row as ingest leaves it, on a fresh cloud channel of the tenant.
export async function insertPendingMedia(db: Database, tenantId: string, values: Partial<typeof media.$inferInsert> = {}): Promise<string> {
  const [channel] = await db
    .insert(channels)
    .values({ tenantId, type: 'cloud', name: 'Media test', phoneNumberId: `PN-${randomUUID()}` })
    .returning({ id: channels.id });
  if (!channel) throw new Error('channel insert returned nothing');
  const [row] = await db
    .insert(media)
    .values({ tenantId, channelId: channel.id, providerMediaId: `wa-media-${randomUUID()}`, mimeType: 'image/jpeg', ...values })
    .returning({ id: media.id });
  if (!row) throw new Error('media insert returned nothing');
  return row.id;
}

// A tiny but well-formed JPEG header followed by filler.
export function jpegBytes(size = 256): Buffer {
  const head = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x20)]);
}
