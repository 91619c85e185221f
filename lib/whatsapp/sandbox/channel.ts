import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { channels } from '@/db/schema';
import { ensureSandboxChannel } from '@/lib/channels/sandbox';
import { decrypt } from '@/lib/crypto';
import { getEnv } from '@/lib/env';
import type { JobClient } from '@/lib/jobs/client';
import { acceptWebhookDelivery } from '@/lib/whatsapp/ingest/accept-delivery';
import { signPayload } from '@/lib/whatsapp/webhook/signature';
import type { SandboxNumber } from './payloads';

// What the sandbox shows as its own number (Meta's display_phone_number: digits, no '+').
const SANDBOX_DISPLAY_PHONE_NUMBER = '60300000000';

export interface SandboxChannel extends SandboxNumber {
  id: string;
  tenantId: string;
  // Decrypted; signs the simulated webhooks as Meta signs real ones.
  appSecret: string;
}

function toSandboxChannel(row: typeof channels.$inferSelect): SandboxChannel {
  if (!row.phoneNumberId || !row.appSecretEnc) throw new Error(`sandbox channel ${row.id} has no phone number id or app secret`);
  return {
    id: row.id,
    tenantId: row.tenantId,
    accountId: row.wabaId ?? row.phoneNumberId,
    phoneNumberId: row.phoneNumberId,
    displayPhoneNumber: row.displayPhoneNumber ?? SANDBOX_DISPLAY_PHONE_NUMBER,
    appSecret: decrypt(row.appSecretEnc, getEnv().ENCRYPTION_KEY),
  };
}

// The tenant's sandbox channel, made on first use if provisioning has not made it yet.
export async function sandboxChannel(db: Database, tenantId: string, channelId?: string): Promise<SandboxChannel> {
  const find = async () =>
    (
      await db
        .select()
        .from(channels)
        .where(and(eq(channels.tenantId, tenantId), eq(channels.type, 'sandbox'), channelId ? eq(channels.id, channelId) : undefined))
        .limit(1)
    )[0];
  let row = await find();
  if (!row && !channelId) {
    await ensureSandboxChannel(db, tenantId);
    row = await find();
  }
  if (!row) throw new Error(`tenant ${tenantId} has no sandbox channel${channelId ? ` ${channelId}` : ''}`);
  return toSandboxChannel(row);
}

// Signs the body with the channel's app secret and hands it to the webhook's own fast path,
// exactly as POST /api/webhooks/whatsapp would.
export async function postToWebhook(db: Database, channel: SandboxChannel, payload: unknown, jobs?: JobClient): Promise<void> {
  const raw = JSON.stringify(payload);
  const outcome = await acceptWebhookDelivery(db, raw, signPayload(raw, channel.appSecret), jobs);
  if (outcome.status !== 200 || outcome.stored !== 1) {
    throw new Error(`the webhook refused a sandbox delivery: ${'reason' in outcome ? outcome.reason : `stored ${outcome.stored}`}`);
  }
}
