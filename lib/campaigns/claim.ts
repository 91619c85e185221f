import { sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Campaign, campaignRecipients, customers } from '@/db/schema';
import { skipReasonSql } from './audience';
import { executedRows } from '@/db/rows';

// A recipient taken to 'sending': who to send to and what to fill in.
export interface ClaimedRecipient {
  id: string;
  customerId: string;
  attempts: number;
  waId: string | null;
  phone: string | null;
  waUserId: string | null;
  name: string;
  profileName: string | null;
  tier: 'bronze' | 'silver' | 'gold' | 'platinum';
  totalSpent: string;
  language: 'ms' | 'en' | 'zh' | null;
}

// A 'sending' recipient whose outcome was not recorded by then belonged to a dispatcher that
// died mid-send: it is failed as unknown_outcome, never sent again.
export const SENDING_LEASE_MS = 5 * 60_000;

// Takes up to `limit` due recipients of a running campaign to 'sending' in ONE statement that
// also re-checks, at this moment, whether each may still be sent to (consent, deliverability,
// the 24-hour window): those who may not become 'skipped' with the reason. SKIP LOCKED lets
// several dispatchers claim different rows at once. One whose customer is gone is skipped as
// customer_deleted, so it never holds the campaign open. The customers' rows are read FOR SHARE: a
// STOP being recorded (it holds the customer's row lock) is waited for and its withdrawn
// consent is what this statement sees — so a STOP is either before the check (skipped) or
// after the recipient went to 'sending' (the send was already decided).
export async function claimRecipients(db: Database, campaign: Campaign, limit: number): Promise<{ sending: ClaimedRecipient[]; skipped: number }> {
  if (limit <= 0) return { sending: [], skipped: 0 };
  const r = campaignRecipients;
  const reason = skipReasonSql(campaign);
  const result = await db.execute(sql`
    with picked as (
      select id, customer_id from ${r}
      where tenant_id = ${campaign.tenantId} and campaign_id = ${campaign.id} and status = 'queued'
        and (next_attempt_at is null or next_attempt_at <= now())
      order by id
      limit ${limit}
      for update skip locked
    ), gone as (
      -- A recipient whose customer no longer exists (no foreign key; see db/schema/campaigns.ts).
      update ${r} set status = 'skipped', reason = 'customer_deleted'
      from picked
      where ${r.id} = picked.id
        and not exists (select 1 from ${customers} where ${customers.id} = picked.customer_id and ${customers.tenantId} = ${campaign.tenantId})
      returning ${r.id} as id, ${r.customerId} as customer_id, ${r.status} as status, ${r.attempts} as attempts
    ), judged as (
      select picked.id, ${reason} as reason, ${customers.waId} as wa_id, ${customers.phone} as phone, ${customers.waUserId} as wa_user_id,
             ${customers.name} as name, ${customers.profileName} as profile_name, ${customers.tier} as tier,
             ${customers.totalSpent}::text as total_spent, ${customers.language} as language
      from picked join ${customers} on ${customers.id} = picked.customer_id and ${customers.tenantId} = ${campaign.tenantId}
      for share of ${customers}
    ), claimed as (
    update ${r} set
      status = case when judged.reason is null then 'sending' else 'skipped' end,
      reason = judged.reason,
      attempts = ${r.attempts} + case when judged.reason is null then 1 else 0 end,
      next_attempt_at = case when judged.reason is null then now() + ${SENDING_LEASE_MS}::int * interval '1 millisecond' end
    from judged
    where ${r.id} = judged.id
    returning ${r.id} as id, ${r.customerId} as customer_id, ${r.status} as status, ${r.attempts} as attempts, judged.wa_id, judged.phone, judged.wa_user_id,
              judged.name, judged.profile_name, judged.tier, judged.total_spent, judged.language
    )
    select * from claimed
    union all
    select id, customer_id, status, attempts, null, null, null, null, null, null, null, null from gone`);
  const rows = executedRows<Record<string, unknown>>(result);
  const sending = rows
    .filter((row) => row.status === 'sending')
    .map(
      (row): ClaimedRecipient => ({
        id: String(row.id),
        customerId: String(row.customer_id),
        attempts: Number(row.attempts),
        waId: (row.wa_id as string | null) ?? null,
        phone: (row.phone as string | null) ?? null,
        waUserId: (row.wa_user_id as string | null) ?? null,
        name: String(row.name ?? ''),
        profileName: (row.profile_name as string | null) ?? null,
        tier: row.tier as ClaimedRecipient['tier'],
        totalSpent: String(row.total_spent ?? '0'),
        language: (row.language as ClaimedRecipient['language']) ?? null,
      }),
    );
  return { sending, skipped: rows.length - sending.length };
}
