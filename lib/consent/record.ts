import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { type ConsentEvent, type ConsentSource, type ConsentStatus, consentEvents, customers } from '@/db/schema';

export interface ConsentChange {
  tenantId: string;
  customerId: string;
  status: ConsentStatus;
  source: ConsentSource;
  keyword?: string | null;
  evidenceMessageId?: string | null;
  noticeVersion?: number | null;
  actorUserId?: string | null;
  reason?: string | null;
  occurredAt?: Date;
}

// The one way consent changes: the evidence rows and the customers' current status move in the
// same transaction — one INSERT and one UPDATE however many customers (a CSV import changes
// thousands at once). Each customer at most once per call. Pass a transaction that already
// holds the customer's row lock when the decision depended on the current status.
export async function recordConsentChanges(db: Database, changes: readonly ConsentChange[]): Promise<ConsentEvent[]> {
  if (changes.length === 0) return [];
  const now = new Date();
  return db.transaction(async (tx) => {
    const events = await tx
      .insert(consentEvents)
      .values(
        changes.map((change) => ({
          tenantId: change.tenantId,
          customerId: change.customerId,
          status: change.status,
          source: change.source,
          keyword: change.keyword ?? null,
          evidenceMessageId: change.evidenceMessageId ?? null,
          noticeVersion: change.noticeVersion ?? null,
          actorUserId: change.actorUserId ?? null,
          reason: change.reason ?? null,
          occurredAt: change.occurredAt ?? now,
        })),
      )
      .returning();
    const statuses = changes.map((c) => sql`(${c.tenantId}::uuid, ${c.customerId}::uuid, ${c.status}::text, ${(c.occurredAt ?? now).toISOString()}::timestamptz)`);
    await tx.execute(sql`
      update ${customers} set consent_status = v.status, consent_updated_at = v.occurred_at, updated_at = now()
      from (values ${sql.join(statuses, sql`, `)}) as v(tenant_id, id, status, occurred_at)
      where ${customers.tenantId} = v.tenant_id and ${customers.id} = v.id`);
    return events;
  });
}

export async function recordConsentChange(db: Database, change: ConsentChange): Promise<ConsentEvent> {
  const [event] = await recordConsentChanges(db, [change]);
  if (!event) throw new Error('consent event insert returned nothing');
  return event;
}

// Locks the customer's row for the rest of the transaction and returns its consent state, so
// two decisions about one customer (a STOP and the reminder job) happen one after the other.
export async function lockCustomerConsent(db: Database, tenantId: string, customerId: string) {
  const [row] = await db
    .select({
      id: customers.id,
      name: customers.name,
      consentStatus: customers.consentStatus,
      consentRequestedAt: customers.consentRequestedAt,
      consentNoticeVersion: customers.consentNoticeVersion,
      consentReminderSentAt: customers.consentReminderSentAt,
      profileRequestedAt: customers.profileRequestedAt,
      language: customers.language,
    })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), eq(customers.id, customerId)))
    .for('update')
    .limit(1);
  return row ?? null;
}

export type LockedCustomer = NonNullable<Awaited<ReturnType<typeof lockCustomerConsent>>>;
