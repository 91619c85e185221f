import { createHash, randomInt } from 'node:crypto';
import type { ObjectStorage } from '@/lib/storage';
import { getStorage } from '@/lib/storage';
import type { FetchedMedia } from '@/lib/whatsapp/providers/types';

// Files the simulator's customers send wait here, under the media id their webhook carries,
// until the normal media job fetches them through the sandbox provider — as Meta keeps an
// upload for the business to download. The object storage, so any node can read them.

const keyFor = (tenantId: string, mediaId: string) => `sandbox-media/${tenantId}/${mediaId}`;

interface StoredSandboxMedia {
  // Digits, like Meta's media ids.
  mediaId: string;
  // Base64, as Meta sends it in the webhook.
  sha256: string;
}

export async function putSandboxMedia(
  tenantId: string,
  file: { bytes: Buffer; mimeType: string },
  storage: ObjectStorage = getStorage(),
): Promise<StoredSandboxMedia> {
  const mediaId = `${randomInt(100_000, 1_000_000)}${String(randomInt(0, 10_000_000_000)).padStart(10, '0')}`;
  await storage.put(keyFor(tenantId, mediaId), file.bytes, { contentType: file.mimeType });
  return { mediaId, sha256: createHash('sha256').update(file.bytes).digest('base64') };
}

// The sandbox provider's fetchMedia source; null for an id the simulator never issued.
export async function readSandboxMedia(tenantId: string, mediaId: string, storage: ObjectStorage = getStorage()): Promise<FetchedMedia | null> {
  if (!/^\d{1,32}$/.test(mediaId)) return null;
  const object = await storage.get(keyFor(tenantId, mediaId));
  return object ? { bytes: object.bytes, mimeType: object.contentType } : null;
}

// Erasing a customer removes the simulator's upload too, not only Sembang's stored copy.
export async function deleteSandboxMedia(tenantId: string, mediaId: string, storage: ObjectStorage = getStorage()): Promise<void> {
  if (!/^\d{1,32}$/.test(mediaId)) return;
  await storage.delete(keyFor(tenantId, mediaId));
}
