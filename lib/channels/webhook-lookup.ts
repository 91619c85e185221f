import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { type ChannelType, channels } from '@/db/schema';
import { decrypt } from '@/lib/crypto';
import { getEnv } from '@/lib/env';

// Internal look-ups for the webhook, which arrives before any tenant is known: the channel
// (and so the tenant) is found from what Meta sends. Never expose these through the API.

export interface ChannelForWebhook {
  id: string;
  tenantId: string;
  type: ChannelType;
  // Decrypted; checks X-Hub-Signature-256. Null for a channel without one (wabot).
  appSecret: string | null;
}

// Webhooks arrive at Meta's pace (about three per message sent): a query and a decryption per
// delivery would dominate the fast path. The TTL bounds how long a rotated secret or a
// deleted channel is still honoured on other nodes; this node forgets at once on edits.
const TTL_MS = 30_000;
const cache = new Map<string, { value: ChannelForWebhook; expires: number }>();

export function forgetWebhookChannel(phoneNumberId: string | null): void {
  if (phoneNumberId) cache.delete(phoneNumberId);
}

// Routes a change by `value.metadata.phone_number_id`; phone number ids are unique across
// tenants, so at most one channel answers.
export async function channelForWebhook(db: Database, phoneNumberId: string): Promise<ChannelForWebhook | null> {
  const hit = cache.get(phoneNumberId);
  if (hit && hit.expires > Date.now()) return hit.value;
  const value = await loadChannelForWebhook(db, phoneNumberId);
  // Unknown numbers are not remembered, so a channel connected a moment ago routes at once.
  if (value) cache.set(phoneNumberId, { value, expires: Date.now() + TTL_MS });
  return value;
}

async function loadChannelForWebhook(db: Database, phoneNumberId: string): Promise<ChannelForWebhook | null> {
  const [row] = await db
    .select({ id: channels.id, tenantId: channels.tenantId, type: channels.type, appSecretEnc: channels.appSecretEnc })
    .from(channels)
    .where(eq(channels.phoneNumberId, phoneNumberId))
    .limit(1);
  if (!row) return null;
  const { appSecretEnc, ...channel } = row;
  return { ...channel, appSecret: appSecretEnc ? decrypt(appSecretEnc, getEnv().ENCRYPTION_KEY) : null };
}
