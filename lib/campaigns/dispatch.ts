import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Campaign, campaignRecipients, campaigns } from '@/db/schema';
import { loadChannel } from '@/lib/channels/channels';
import type { WhatsAppProvider } from '@/lib/whatsapp/providers';
import { loadCampaign } from './campaigns';
import { claimRecipients } from './claim';
import { linkOrigin, storeLinks } from './links';
import { messagingBudget } from './messaging-limit';
import type { SendOutcome } from './outcomes';
import { type SlotReservation, nextSlot, reserveSlots, slotAt } from './pacing';
import { type SentMessage, recordOutcomes } from './record-outcomes';
import { businessName } from './render';
import { type SendPlan, campaignMedia, campaignProvider, campaignTemplate, linksFor, planUrls, prepare, sendPrepared } from './send-batch';

export interface DispatchOptions {
  provider?: WhatsAppProvider;
  // A run ends after this long and asks to be queued again (jobs stay short).
  maxRunMs?: number;
  // Recipients are claimed (and their consent re-checked) at most this long before their slot.
  lookaheadMs?: number;
  // Where /l/{code} is served when APP_URL is not set.
  origin?: string;
  sleep?: (ms: number) => Promise<void>;
  // Each send's reserved slot, as it is taken (pacing tests and the benchmark).
  onSlot?: (recipientId: string, slot: Date) => void;
}

export interface DispatchResult {
  sent: number;
  skipped: number;
  failed: number;
  retried: number;
  status: Campaign['status'];
  // Run again at this time (more to send later, or the 24-hour limit frees up); null when done.
  next: Date | null;
}

const MAX_BATCH = 200;
const MAX_IN_FLIGHT_BATCHES = 32;
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

// Recipients a dead dispatcher left in 'sending' past their lease: the send may or may not have
// left, so they are failed as unknown_outcome and never sent again.
export async function failAbandonedSends(db: Database, campaign: Pick<Campaign, 'tenantId' | 'id'>): Promise<number> {
  const rows = await db
    .update(campaignRecipients)
    .set({ status: 'failed', reason: 'unknown_outcome', failedAt: sql`now()`, errorTitle: 'The sender stopped mid-send; not retried in case it was sent.' })
    .where(and(eq(campaignRecipients.tenantId, campaign.tenantId), eq(campaignRecipients.campaignId, campaign.id), eq(campaignRecipients.status, 'sending'), lt(campaignRecipients.nextAttemptAt, sql`now()`)))
    .returning({ id: campaignRecipients.id });
  return rows.length;
}

// Skips what is left (reason given) and completes the campaign once nothing is being sent.
export async function finishCampaign(db: Database, campaign: Pick<Campaign, 'tenantId' | 'id'>, leftReason: 'campaign_ended' | 'cancelled' | null): Promise<boolean> {
  return db.transaction(async (tx) => {
    const r = campaignRecipients;
    if (leftReason) {
      await tx.update(r).set({ status: 'skipped', reason: leftReason }).where(and(eq(r.tenantId, campaign.tenantId), eq(r.campaignId, campaign.id), eq(r.status, 'queued')));
    }
    const [open] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(r)
      .where(and(eq(r.tenantId, campaign.tenantId), eq(r.campaignId, campaign.id), inArray(r.status, ['queued', 'sending'])));
    if ((open?.n ?? 0) > 0) return false;
    const done = await tx
      .update(campaigns)
      .set({ status: 'completed', completedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(campaigns.tenantId, campaign.tenantId), eq(campaigns.id, campaign.id), eq(campaigns.status, 'running')))
      .returning({ id: campaigns.id });
    return done.length > 0;
  });
}

// When the next queued recipient is due (a retry later), or null when none is queued.
async function nextDue(db: Database, campaign: Campaign): Promise<Date | null> {
  const r = campaignRecipients;
  const [row] = await db
    .select({ ms: sql<number | null>`(extract(epoch from min(coalesce(${r.nextAttemptAt}, now()))) * 1000)::float8` })
    .from(r)
    .where(and(eq(r.tenantId, campaign.tenantId), eq(r.campaignId, campaign.id), inArray(r.status, ['queued', 'sending'])));
  return row?.ms == null ? null : new Date(Number(row.ms));
}

async function currentStatus(db: Database, campaign: Campaign): Promise<Campaign['status']> {
  const [row] = await db.select({ status: campaigns.status }).from(campaigns).where(and(eq(campaigns.tenantId, campaign.tenantId), eq(campaigns.id, campaign.id)));
  return row?.status ?? 'cancelled';
}

// Sends one claimed batch, each message at its own slot, then records every outcome at once.
async function sendBatch(db: Database, plan: SendPlan, batch: Awaited<ReturnType<typeof claimBatch>>, opts: Required<Pick<DispatchOptions, 'sleep'>> & DispatchOptions, acceptedIsSent: boolean) {
  const results = await Promise.all(
    batch.prepared.map(async (p, i) => {
      const slot = slotAt(batch.slots, i);
      opts.onSlot?.(p.recipient.id, slot);
      const wait = slot.getTime() - Date.now();
      if (wait > 0) await opts.sleep(wait);
      return sendPrepared(plan, p);
    }),
  );
  const outcomes: SendOutcome[] = results.map((r) => r.outcome);
  const sent: SentMessage[] = results.flatMap((r) => (r.sent ? [r.sent] : []));
  await recordOutcomes(db, { campaign: plan.campaign, acceptedIsSent }, outcomes, sent);
  return outcomes;
}

// Claims up to n recipients (re-checking each), reserves their slots and stores their links, in
// one transaction.
async function claimBatch(db: Database, plan: SendPlan, channel: { tenantId: string; channelId: string; sendRatePerSecond: number }, n: number) {
  return db.transaction(async (tx) => {
    const claim = await claimRecipients(tx, plan.campaign, n);
    if (claim.sending.length === 0) return { skipped: claim.skipped, prepared: [], slots: { first: new Date(), intervalMs: 0, count: 0 } as SlotReservation };
    const slots = await reserveSlots(tx, channel, claim.sending.length);
    const links = linksFor(plan, claim.sending);
    await storeLinks(tx, plan.campaign.tenantId, plan.campaign.id, links);
    const prepared = claim.sending.map((recipient) => {
      const codes = new Map(links.filter((l) => l.recipientId === recipient.id).map((l) => [l.url, l.code]));
      return prepare(plan, recipient, codes);
    });
    return { skipped: claim.skipped, prepared, slots };
  });
}

// The job behind 'campaigns/dispatch': sends a running campaign's queued recipients at the
// channel's pace until none is due, the 24-hour limit is reached, the campaign stops or the run
// is long enough. Safe to run twice at once and to retry: recipients are claimed with SKIP
// LOCKED and only 'queued' ones are ever claimed, so none is sent twice.
export async function dispatchCampaign(db: Database, ref: { tenantId: string; campaignId: string }, options: DispatchOptions = {}): Promise<DispatchResult> {
  const opts = { sleep: realSleep, maxRunMs: 20_000, lookaheadMs: 200, ...options };
  const campaign = await loadCampaign(db, ref, ref.campaignId);
  const result: DispatchResult = { sent: 0, skipped: 0, failed: 0, retried: 0, status: campaign.status, next: null };
  if (campaign.status !== 'running') return result;
  await failAbandonedSends(db, campaign);
  const channel = await loadChannel(db, ref, campaign.channelId);
  const pace = { tenantId: ref.tenantId, channelId: channel.id, sendRatePerSecond: channel.sendRatePerSecond };
  const provider = opts.provider ?? campaignProvider(db, channel);
  const plan: SendPlan = {
    campaign,
    provider,
    template: await campaignTemplate(db, campaign),
    businessName: await businessName(db, ref.tenantId),
    urls: planUrls(campaign),
    origin: linkOrigin(opts.origin),
    media: await campaignMedia(db, campaign, provider),
  };
  const budget = await messagingBudget(db, campaign, channel);
  const batchSize = Math.min(MAX_BATCH, Math.max(1, Math.ceil((channel.sendRatePerSecond * opts.lookaheadMs) / 1000)));
  const deadline = Date.now() + opts.maxRunMs;
  const inFlight: Promise<SendOutcome[]>[] = [];
  let limitReached = false;
  let ended = false;
  const tally = (outcomes: SendOutcome[]) => {
    for (const o of outcomes) result[o.kind === 'sent' ? 'sent' : o.kind === 'retry' ? 'retried' : o.kind === 'skipped' ? 'skipped' : 'failed']++;
  };

  let loopError: unknown = null;
  try {
    while (Date.now() < deadline) {
      if ((await currentStatus(db, campaign)) !== 'running') break;
      if (campaign.endsAt && campaign.endsAt.getTime() <= Date.now()) {
        ended = true;
        break;
      }
      const free = await nextSlot(db, pace);
      const ahead = (free?.getTime() ?? 0) - Date.now() - opts.lookaheadMs;
      if (ahead > 0) await opts.sleep(ahead);
      const n = Math.min(batchSize, budget.remaining);
      if (n <= 0) {
        limitReached = true;
        break;
      }
      const batch = await claimBatch(db, plan, pace, n);
      result.skipped += batch.skipped;
      if (batch.prepared.length === 0 && batch.skipped === 0) break;
      budget.remaining -= batch.prepared.length;
      if (batch.prepared.length > 0) {
        const sending = sendBatch(db, plan, batch, opts, channel.type === 'wabot');
        // Awaited below; marked handled now so a failure while the loop runs is not an
        // unhandled rejection.
        sending.catch(() => undefined);
        inFlight.push(sending);
      }
      if (inFlight.length >= MAX_IN_FLIGHT_BATCHES) tally(await (inFlight.shift() as Promise<SendOutcome[]>));
    }
  } catch (error) {
    loopError = error;
  }
  // Every batch already sending is recorded before the run ends, whatever happened.
  const settled = await Promise.allSettled(inFlight);
  for (const s of settled) if (s.status === 'fulfilled') tally(s.value);
  const failure = loopError ?? settled.find((s) => s.status === 'rejected')?.reason;
  if (failure) throw failure;

  const status = await currentStatus(db, campaign);
  if (status === 'running' && ((campaign.endsAt && campaign.endsAt.getTime() <= Date.now()) || ended)) {
    await finishCampaign(db, campaign, 'campaign_ended');
  } else if (status === 'running' && !campaign.trigger) {
    // An automated campaign stays on between the days its trigger queues someone.
    await finishCampaign(db, campaign, null);
  }
  result.status = await currentStatus(db, campaign);
  if (result.status !== 'running') return result;
  const due = await nextDue(db, campaign);
  const later = limitReached ? (budget.freesAt ?? new Date(Date.now() + 60_000)) : due;
  result.next = later && campaign.endsAt && later > campaign.endsAt ? campaign.endsAt : later;
  return result;
}
