import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers } from '@/db/schema';
import { fallbackCustomerName, toE164 } from '@/lib/customers/phone';
import type { InboundContact } from '@/lib/whatsapp/types';
import { recordset } from './recordset';

export type CustomerIdOf = (contact: InboundContact) => string;

const identity = (c: InboundContact) => (c.waId ? `w:${c.waId}` : `u:${c.userId}`);

// Each person's first contact in the batch (a new customer is named from it), in a stable
// order, so concurrent batches insert and lock the same people in the same order.
function firstContacts(contacts: readonly InboundContact[]): InboundContact[] {
  const byIdentity = new Map<string, InboundContact>();
  for (const c of contacts) {
    if (!c.waId && !c.userId) throw new Error('a WhatsApp contact needs a wa_id or a user_id');
    if (!byIdentity.has(identity(c))) byIdentity.set(identity(c), c);
  }
  return [...byIdentity.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, c]) => c);
}

// Finds each contact's customer by WhatsApp id or business-scoped user id (never the phone
// alone), creating those seen for the first time, and locks the rows (in id order) for the
// counters that follow. Names come from the first message of a new customer.
export async function upsertCustomers(db: Database, tenantId: string, contacts: readonly InboundContact[]): Promise<CustomerIdOf> {
  const list = firstContacts(contacts);
  const waIds = list.flatMap((c) => (c.waId ? [c.waId] : []));
  const userIds = list.flatMap((c) => (c.userId ? [c.userId] : []));
  const byWaId = new Map<string, string>();
  const byUserId = new Map<string, string>();
  const idOf: CustomerIdOf = (c) => {
    const id = (c.waId && byWaId.get(c.waId)) || (c.userId && byUserId.get(c.userId));
    if (!id) throw new Error('customer upsert found no row');
    return id;
  };
  if (list.length === 0) return idOf;
  await db
    .insert(customers)
    .values(
      list.map((c) => {
        const phone = toE164(c.waId);
        return { tenantId, phone, waId: c.waId, waUserId: c.userId, profileName: c.profileName, name: c.profileName?.trim() || fallbackCustomerName(phone, c.waId, c.userId) };
      }),
    )
    // Existing customers, and those a concurrent first message has just created, are found below.
    .onConflictDoNothing();
  const rows = await db
    .select({ id: customers.id, waId: customers.waId, waUserId: customers.waUserId })
    .from(customers)
    .where(and(eq(customers.tenantId, tenantId), or(waIds.length > 0 ? inArray(customers.waId, waIds) : undefined, userIds.length > 0 ? inArray(customers.waUserId, userIds) : undefined)))
    .orderBy(asc(customers.id))
    .for('update');
  for (const r of rows) {
    if (r.waId) byWaId.set(r.waId, r.id);
    if (r.waUserId) byUserId.set(r.waUserId, r.id);
  }
  return idOf;
}

export interface CustomerTouch {
  contact: InboundContact;
  // Set when the contact's message was new: the counters move.
  newMessageAt: Date | null;
}

interface CustomerChange {
  id: string;
  profileName: string | null;
  waId: string | null;
  waUserId: string | null;
  phone: string | null;
  inbound: number;
  lastAt: string | null;
}

// Fills in what the batch's messages tell us about each customer and moves the inbound count
// and last interaction by the messages that were new; one statement for the whole batch.
export async function touchCustomers(db: Database, tenantId: string, idOf: CustomerIdOf, touches: readonly CustomerTouch[]): Promise<void> {
  const changes = new Map<string, CustomerChange>();
  for (const { contact, newMessageAt } of touches) {
    const id = idOf(contact);
    const c = changes.get(id) ?? { id, profileName: null, waId: null, waUserId: null, phone: null, inbound: 0, lastAt: null };
    c.profileName = contact.profileName ?? c.profileName;
    c.waId ??= contact.waId;
    c.waUserId ??= contact.userId;
    c.phone ??= toE164(contact.waId);
    if (newMessageAt) {
      const at = newMessageAt.toISOString();
      c.inbound += 1;
      c.lastAt = c.lastAt === null || at > c.lastAt ? at : c.lastAt;
    }
    changes.set(id, c);
  }
  if (changes.size === 0) return;
  const v = recordset([...changes.values()], { id: 'uuid', profileName: 'text', waId: 'text', waUserId: 'text', phone: 'text', inbound: 'int', lastAt: 'timestamptz' });
  await db
    .update(customers)
    .set({
      profileName: sql`coalesce(${v.col('profileName')}, ${customers.profileName})`,
      waId: sql`coalesce(${customers.waId}, ${v.col('waId')})`,
      waUserId: sql`coalesce(${customers.waUserId}, ${v.col('waUserId')})`,
      phone: sql`coalesce(${customers.phone}, ${v.col('phone')})`,
      inboundCount: sql`${customers.inboundCount} + ${v.col('inbound')}`,
      lastInteractionAt: sql`greatest(${customers.lastInteractionAt}, ${v.col('lastAt')})`,
      updatedAt: sql`case when ${v.col('inbound')} > 0 then now() else ${customers.updatedAt} end`,
    })
    .from(v.table)
    // The id list lets the planner use the primary key instead of scanning the table.
    .where(and(eq(customers.tenantId, tenantId), inArray(customers.id, [...changes.keys()]), sql`${customers.id} = ${v.col('id')}`));
}
