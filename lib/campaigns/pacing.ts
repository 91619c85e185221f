import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { channelSendPacing } from '@/db/schema';

// Sends on one channel are spaced 1/rate apart by slots reserved in the database, so every
// process and node sending on the channel together keeps its rate: a reservation of n slots
// moves the channel's next free slot on by n intervals, never into the past.

export interface SlotReservation {
  // When the first of the n sends may leave; send i leaves at first + i·intervalMs.
  first: Date;
  intervalMs: number;
  count: number;
}

// Milliseconds since the epoch with the microseconds (at 1,000/s a slot is one millisecond),
// the same from both drivers.
const epochMs = (column: typeof channelSendPacing.nextSlotAt) => sql<number>`(extract(epoch from ${column}) * 1000)::float8`;

export const slotAt = (r: SlotReservation, i: number) => new Date(r.first.getTime() + i * r.intervalMs);

export function intervalMs(sendRatePerSecond: number): number {
  return 1000 / Math.max(1, sendRatePerSecond);
}

interface Channel {
  tenantId: string;
  channelId: string;
  sendRatePerSecond: number;
}

// Reserves n consecutive slots; in the caller's transaction, the pacing row stays locked until
// it commits, so two reservations never overlap.
export async function reserveSlots(db: Database, channel: Channel, count: number): Promise<SlotReservation> {
  const step = intervalMs(channel.sendRatePerSecond);
  const span = sql`${count * step}::float8 * interval '1 millisecond'`;
  const [row] = await db
    .insert(channelSendPacing)
    .values({ channelId: channel.channelId, tenantId: channel.tenantId, nextSlotAt: sql`clock_timestamp() + ${span}` })
    .onConflictDoUpdate({ target: channelSendPacing.channelId, set: { nextSlotAt: sql`greatest(${channelSendPacing.nextSlotAt}, clock_timestamp()) + ${span}` } })
    .returning({ nextMs: epochMs(channelSendPacing.nextSlotAt) });
  if (!row) throw new Error('pacing upsert returned nothing');
  return { first: new Date(Number(row.nextMs) - count * step), intervalMs: step, count };
}

// WhatsApp said 130429 (too fast): nobody on the channel sends again for `ms`.
export async function pushBackSlots(db: Database, channel: Omit<Channel, 'sendRatePerSecond'>, ms: number): Promise<void> {
  await db
    .insert(channelSendPacing)
    .values({ channelId: channel.channelId, tenantId: channel.tenantId, nextSlotAt: sql`clock_timestamp() + ${ms}::int * interval '1 millisecond'` })
    .onConflictDoUpdate({
      target: channelSendPacing.channelId,
      set: { nextSlotAt: sql`greatest(${channelSendPacing.nextSlotAt}, clock_timestamp() + ${ms}::int * interval '1 millisecond')` },
    });
}

// The channel's next free slot (waited for before claiming recipients, so the consent check
// stays close to the send).
export async function nextSlot(db: Database, channel: Omit<Channel, 'sendRatePerSecond'>): Promise<Date | null> {
  const [row] = await db
    .select({ nextMs: epochMs(channelSendPacing.nextSlotAt) })
    .from(channelSendPacing)
    .where(and(eq(channelSendPacing.tenantId, channel.tenantId), eq(channelSendPacing.channelId, channel.channelId)));
  return row ? new Date(Number(row.nextMs)) : null;
}
