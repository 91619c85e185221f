import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { channels } from '@/db/schema';
import { sha256 } from '@/lib/crypto';

// Meta's subscription check: GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…
// The token is compared by its hash with every channel's; the challenge is echoed on a match.
export async function verifyWebhookSubscription(
  db: Database,
  query: { mode: string | null; token: string | null; challenge: string | null },
): Promise<string | null> {
  if (query.mode !== 'subscribe' || !query.token || query.challenge === null || query.token.length > 512) return null;
  const [match] = await db.select({ id: channels.id }).from(channels).where(eq(channels.verifyTokenHash, sha256(query.token))).limit(1);
  return match ? query.challenge : null;
}
