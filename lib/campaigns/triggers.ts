import { type SQL, and, eq, inArray, isNull, not, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Campaign, type Tier, campaignRecipients, campaigns, conversations, customers } from '@/db/schema';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import { audienceCondition, skipReasonSql } from './audience';
import { dispatchJob } from './jobs';
import { executedRows } from '@/db/rows';

// Automated campaigns: a running campaign with a trigger instead of a date. Each day (and for
// tier-ups, when the tier changes) the customers it is due for are queued with one INSERT …
// SELECT per campaign; the dispatch then sends them like any campaign's recipients (consent
// re-checked at the send, paced). The occurrence makes each customer due once per event:
//   birthday  '2026'                     once a year;
//   inactive  'quiet:<last message time>' once per quiet spell (writing again starts a new one);
//   tier_up   'tier:gold'                once per tier reached.

export interface TriggerQueued {
  campaignId: string;
  queued: number;
  skipped: number;
}

type Tenant = { tenantId: string };

// Empty audience: every customer the trigger finds (not anonymised, not excluded).
async function triggerAudience(db: Database, ctx: Tenant, campaign: Campaign, now: Date): Promise<SQL> {
  const { audience } = campaign;
  if ((audience.segmentIds?.length ?? 0) > 0 || (audience.customerIds?.length ?? 0) > 0) return audienceCondition(db, ctx, audience, now);
  const excluded = audience.excludeCustomerIds ?? [];
  return and(eq(customers.tenantId, ctx.tenantId), isNull(customers.anonymizedAt), excluded.length > 0 ? not(inArray(customers.id, excluded)) : undefined) ?? sql`false`;
}

// Month-day keys of birthdays celebrated on `day` (YYYY-MM-DD, a Malaysian calendar day);
// 29 February birthdays are kept on 28 February in other years.
export function birthdayKeys(day: string): string[] {
  const [year = 0, month = 0, date = 0] = day.split('-').map(Number);
  const key = day.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && date === 28 && !leap ? [key, '02-29'] : [key];
}

// When the customer last wrote (any number of the tenant's), or joined if they never did.
const lastHeardFrom = sql`coalesce((select max(q.last_inbound_at) from ${conversations} q where q.tenant_id = ${customers.tenantId} and q.customer_id = ${customers.id}), ${customers.createdAt})`;

function dueCondition(campaign: Campaign, day: string, now: Date): { due: SQL; occurrence: SQL } | null {
  const trigger = campaign.trigger;
  if (trigger?.type === 'birthday') {
    const keys = birthdayKeys(day);
    return { due: sql`to_char(${customers.dateOfBirth}, 'MM-DD') in (${sql.join(keys.map((k) => sql`${k}`), sql`, `)})`, occurrence: sql`${day.slice(0, 4)}` };
  }
  if (trigger?.type === 'inactive') {
    const since = new Date(now.getTime() - trigger.days * 86_400_000).toISOString();
    return { due: sql`${lastHeardFrom} <= ${since}::timestamptz`, occurrence: sql`'quiet:' || to_char(${lastHeardFrom} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')` };
  }
  return null;
}

// Queues the recipients one campaign is due for; customers who cannot be sent to now are
// queued as skipped with their reason, as at a launch. A second run adds nobody twice.
async function insertDue(db: Database, campaign: Campaign, due: SQL, occurrence: SQL, now: Date): Promise<TriggerQueued> {
  const where = await triggerAudience(db, { tenantId: campaign.tenantId }, campaign, now);
  const reason = skipReasonSql(campaign);
  const result = await db.execute(sql`
    with inserted as (
      insert into ${campaignRecipients} (tenant_id, campaign_id, customer_id, occurrence, status, reason)
      select ${campaign.tenantId}::uuid, ${campaign.id}::uuid, ${customers.id}, ${occurrence},
             case when j.reason is null then 'queued' else 'skipped' end, j.reason
      from ${customers}, lateral (select ${reason} as reason) j
      where ${where} and ${due}
      on conflict (campaign_id, customer_id, occurrence) do nothing
      returning status
    )
    select (count(*) filter (where status = 'queued'))::int as queued, (count(*) filter (where status = 'skipped'))::int as skipped from inserted`);
  const [row] = executedRows<{ queued: number; skipped: number }>(result);
  return { campaignId: campaign.id, queued: Number(row?.queued ?? 0), skipped: Number(row?.skipped ?? 0) };
}

// The tenant's running automated campaigns of these kinds, not past their end.
async function runningTriggered(db: Database, tenantId: string, types: string[], now: Date): Promise<Campaign[]> {
  return db
    .select()
    .from(campaigns)
    .where(
      and(
        eq(campaigns.tenantId, tenantId),
        eq(campaigns.status, 'running'),
        sql`${campaigns.trigger}->>'type' in (${sql.join(types.map((t) => sql`${t}`), sql`, `)})`,
        sql`(${campaigns.endsAt} is null or ${campaigns.endsAt} > ${now.toISOString()}::timestamptz)`,
      ),
    );
}

// The daily part: birthdays on `day` and customers gone quiet, for every running campaign.
export async function queueDailyTriggers(db: Database, tenantId: string, day: string, now: Date): Promise<TriggerQueued[]> {
  const results: TriggerQueued[] = [];
  for (const campaign of await runningTriggered(db, tenantId, ['birthday', 'inactive'], now)) {
    const rule = dueCondition(campaign, day, now);
    if (rule) results.push(await insertDue(db, campaign, rule.due, rule.occurrence, now));
  }
  return results;
}

// A customer just moved up to `tier` (in the caller's transaction): queue them for every
// running tier-up campaign aimed at that tier or at any.
export async function queueTierUpTriggers(db: Database, tenantId: string, customerId: string, tier: Tier, now: Date): Promise<TriggerQueued[]> {
  const results: TriggerQueued[] = [];
  for (const campaign of await runningTriggered(db, tenantId, ['tier_up'], now)) {
    const wanted = campaign.trigger?.type === 'tier_up' ? campaign.trigger.tier : undefined;
    if (wanted && wanted !== tier) continue;
    results.push(await insertDue(db, campaign, sql`${customers.id} = ${customerId}::uuid`, sql`${`tier:${tier}`}`, now));
  }
  return results;
}

// Starts sending what was queued: the campaigns' paced, consent-checked dispatch. In the
// caller's transaction when given one, so the job exists only if the rows do.
export async function dispatchTriggered(db: Database, tenantId: string, results: readonly TriggerQueued[], jobs: JobClient = getJobClient()): Promise<void> {
  const now = new Date();
  for (const r of results) if (r.queued > 0) await jobs.send(dispatchJob({ tenantId, campaignId: r.campaignId }, now), { db });
}
