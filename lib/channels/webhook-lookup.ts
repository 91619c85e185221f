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

// Routes a change by `value.metadata.phone_number_id`; phone number ids are unique across
// tenants, so at most one channel answers.
export async function channelForWebhook(db: Database, phoneNumberId: string): Promise<ChannelForWebhook | null> {
  const [row] = await db
    .select({ id: channels.id, tenantId: channels.tenantId, type: channels.type, appSecretEnc: channels.appSecretEnc })
    .from(channels)
    .where(eq(channels.phoneNumberId, phoneNumberId))
    .limit(1);
  if (!row) return null;
  const { appSecretEnc, ...channel } = row;
  return { ...channel, appSecret: appSecretEnc ? decrypt(appSecretEnc, getEnv().ENCRYPTION_KEY) : null };
}
