import { type SQL, and, eq, inArray, isNull, not, or, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { type CampaignAudience, type CampaignMessage, conversations, customers } from '@/db/schema';
import { segmentsAudience } from '@/lib/segments/preview';
import type { TenantContext } from '@/lib/tenants/context';
import type { CampaignEstimateInput } from './schema';

type Tenant = Pick<TenantContext, 'tenantId'>;

// Why a customer in the audience is not sent to. The same rule decides at launch (the
// recipient is queued as skipped with the reason) and again at the moment of each send.
export const skipReasons = ['undeliverable', 'opted_out', 'no_consent', 'window_closed'] as const;
export type SkipReason = (typeof skipReasons)[number];

export interface EligibilityRule {
  type: 'marketing' | 'service';
  channelId: string;
  message: CampaignMessage;
}

export const isFreeFormText = (message: CampaignMessage) => 'text' in message;

// The customers a campaign's audience means, as one condition on `customers`: the segments
// (evaluated now) and the hand-picked customers, minus the excluded ones; never an anonymised
// customer or another tenant's.
export async function audienceCondition(db: Database, ctx: Tenant, audience: CampaignAudience, now: Date = new Date()): Promise<SQL> {
  const picked = [...new Set(audience.customerIds ?? [])];
  const excluded = [...new Set(audience.excludeCustomerIds ?? [])];
  const fromSegments = (audience.segmentIds?.length ?? 0) > 0 ? await segmentsAudience(db, ctx, audience.segmentIds ?? [], now) : undefined;
  const members = or(fromSegments, picked.length > 0 ? inArray(customers.id, picked) : undefined) ?? sql`false`;
  return and(eq(customers.tenantId, ctx.tenantId), isNull(customers.anonymizedAt), members, excluded.length > 0 ? not(inArray(customers.id, excluded)) : undefined) ?? sql`false`;
}

// The reason a customer (`customers` in the query) cannot be sent this message now, or NULL:
// no WhatsApp address or a 131026 answer; marketing without granted consent (withdrawn is an
// opt-out); free-form text outside the customer's 24-hour window on the campaign's channel.
export function skipReasonSql(rule: EligibilityRule): SQL<SkipReason | null> {
  const marketing = rule.type === 'marketing';
  const windowOpen = sql`exists (select 1 from ${conversations} w where w.tenant_id = ${customers.tenantId} and w.channel_id = ${rule.channelId}::uuid and w.customer_id = ${customers.id} and w.last_inbound_at > now() - interval '24 hours')`;
  return sql<SkipReason | null>`case
    when ${customers.undeliverableAt} is not null or (${customers.waId} is null and ${customers.phone} is null and ${customers.waUserId} is null) then 'undeliverable'
    ${marketing ? sql`when ${customers.consentStatus} = 'withdrawn' then 'opted_out' when ${customers.consentStatus} <> 'granted' then 'no_consent'` : sql``}
    ${isFreeFormText(rule.message) ? sql`when not ${windowOpen} then 'window_closed'` : sql``}
    else null end`;
}

export interface AudienceEstimate {
  // Customers in the audience after exclusions.
  total: number;
  eligible: number;
  excluded: { noConsent: number; optedOut: number; undeliverable: number; windowClosed: number };
}

// The builder's live numbers: who the campaign would reach now and why the others would not.
export async function estimateAudience(db: Database, ctx: Tenant, input: CampaignEstimateInput, now: Date = new Date()): Promise<AudienceEstimate> {
  const where = await audienceCondition(db, ctx, input.audience, now);
  const reason = skipReasonSql(input);
  const n = (value: string | null) => sql<number>`(count(*) filter (where ${value === null ? sql`r is null` : sql`r = ${value}`}))::int`;
  const counted = db.$with('counted').as(db.select({ r: sql<string | null>`${reason}`.as('r') }).from(customers).where(where));
  const [row] = await db
    .with(counted)
    .select({
      total: sql<number>`count(*)::int`,
      eligible: n(null),
      noConsent: n('no_consent'),
      optedOut: n('opted_out'),
      undeliverable: n('undeliverable'),
      windowClosed: n('window_closed'),
    })
    .from(counted);
  const { total = 0, eligible = 0, noConsent = 0, optedOut = 0, undeliverable = 0, windowClosed = 0 } = row ?? {};
  return { total, eligible, excluded: { noConsent, optedOut, undeliverable, windowClosed } };
}
