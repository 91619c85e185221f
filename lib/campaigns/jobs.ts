import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { campaignRecipients, campaigns } from '@/db/schema';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import type { JobEvent, JobEventData } from '@/lib/jobs/events';
import { loadCampaign, tenantCampaign } from './campaigns';
import { type DispatchOptions, type DispatchResult, dispatchCampaign } from './dispatch';
import { type FanOutResult, fanOutCampaign } from './fan-out';

// The scheduled start arrived (the launch job): scheduled → running. False when it is not due
// (rescheduled, paused or cancelled meanwhile).
export async function startIfDue(db: Database, ref: { tenantId: string; campaignId: string }, now: Date = new Date()): Promise<boolean> {
  const rows = await db
    .update(campaigns)
    .set({ status: 'running', launchedAt: sql`coalesce(${campaigns.launchedAt}, now())`, updatedAt: now })
    .where(and(tenantCampaign(ref, ref.campaignId), eq(campaigns.status, 'scheduled'), sql`${campaigns.scheduledAt} <= ${now.toISOString()}::timestamptz`))
    .returning({ id: campaigns.id });
  return rows.length > 0;
}

export function dispatchJob(data: JobEventData<'campaigns/dispatch'>, runAt: Date): JobEvent<'campaigns/dispatch'> {
  return { name: 'campaigns/dispatch', data, runAt, dedupeKey: `campaign.dispatch:${data.campaignId}:${runAt.getTime()}` };
}

// The job behind 'campaigns/launch': a due scheduled campaign starts running; a running one-off
// campaign with no recipients yet is fanned out (once: a retry finds the rows and adds none);
// then dispatch is queued. Automated campaigns (a trigger) are fanned out by their trigger.
export async function startCampaign(
  db: Database,
  data: JobEventData<'campaigns/launch'>,
  jobs: JobClient = getJobClient(),
): Promise<FanOutResult | null> {
  const ref = { tenantId: data.tenantId, campaignId: data.campaignId };
  await startIfDue(db, ref);
  const campaign = await loadCampaign(db, ref, data.campaignId);
  if (campaign.status !== 'running') return null;
  let fanned: FanOutResult | null = null;
  if (!campaign.trigger) {
    const [any] = await db
      .select({ id: campaignRecipients.id })
      .from(campaignRecipients)
      .where(and(eq(campaignRecipients.tenantId, campaign.tenantId), eq(campaignRecipients.campaignId, campaign.id)))
      .limit(1);
    if (!any) fanned = await fanOutCampaign(db, campaign);
  }
  await jobs.send(dispatchJob({ ...ref, ...(data.origin ? { origin: data.origin } : {}) }, new Date()), { db });
  return fanned;
}

// The job behind 'campaigns/dispatch': one paced run, then the next one queued when there is
// more to send later (retries, the 24-hour limit, a long campaign).
export async function runCampaignDispatch(
  db: Database,
  data: JobEventData<'campaigns/dispatch'>,
  options: DispatchOptions & { jobs?: JobClient } = {},
): Promise<DispatchResult> {
  const { jobs = getJobClient(), ...dispatchOptions } = options;
  const result = await dispatchCampaign(db, data, { origin: data.origin, ...dispatchOptions });
  if (result.next) await jobs.send(dispatchJob(data, result.next), { db });
  return result;
}
