import { and, eq } from 'drizzle-orm';
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

// The one way consent changes: the evidence row and the customer's current status move in the
// same transaction. Pass a transaction that already holds the customer's row lock when the
// decision depended on the current status.
export async function recordConsentChange(db: Database, change: ConsentChange): Promise<ConsentEvent> {
  const occurredAt = change.occurredAt ?? new Date();
  return db.transaction(async (tx) => {
    const [event] = await tx
      .insert(consentEvents)
      .values({
        tenantId: change.tenantId,
        customerId: change.customerId,
        status: change.status,
        source: change.source,
        keyword: change.keyword ?? null,
        evidenceMessageId: change.evidenceMessageId ?? null,
        noticeVersion: change.noticeVersion ?? null,
        actorUserId: change.actorUserId ?? null,
        reason: change.reason ?? null,
        occurredAt,
      })
      .returning();
    if (!event) throw new Error('consent event insert returned nothing');
    await tx
      .update(customers)
      .set({ consentStatus: change.status, consentUpdatedAt: occurredAt, updatedAt: new Date() })
      .where(and(eq(customers.tenantId, change.tenantId), eq(customers.id, change.customerId)));
    return event;
  });
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
