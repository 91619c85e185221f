import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { type ConsentEvent, consentEvents, consentSources, consentStatuses, users } from '@/db/schema';
import { afterCursor, type Cursor, page } from '@/lib/api/pagination';
import { recordAudit } from '@/lib/audit';
import { getCustomer } from '@/lib/customers/customers';
import { AppError } from '@/lib/errors';
import { requireRole } from '@/lib/members/members';
import type { TenantContext } from '@/lib/tenants/context';
import { lockCustomerConsent, recordConsentChange } from './record';

// A team member (dashboard) or an integration (REST API) records a consent decision the
// customer made outside WhatsApp: at the counter, on a paper form, by email.

export const manualConsentSchema = z.object({
  status: z.enum(['granted', 'withdrawn']).describe('granted: the customer agreed to marketing; withdrawn: they refused or opted out'),
  reason: z
    .string({ error: 'Say why the consent changes.' })
    .trim()
    .min(3, 'Say why in at least 3 characters, e.g. “Signed the paper form at the counter”.')
    .max(500, 'Keep the reason under 500 characters.')
    .describe('Why, and the evidence: kept with the consent event'),
  source: z.enum(['admin', 'api']).optional().describe('API keys only: `admin` when a person decided it through your system; default `api`'),
});
export type ManualConsentInput = z.input<typeof manualConsentSchema>;

// Owners and admins only (agents get 403). The signed-in user is the actor; an API key records
// `api` unless the integration says a person decided (`admin`). Changing to the status the
// customer already has is refused (409): nothing would be recorded.
export async function changeConsent(db: Database, ctx: TenantContext, customerId: string, raw: ManualConsentInput): Promise<ConsentEventView> {
  requireRole(ctx, 'admin');
  const input = manualConsentSchema.parse(raw);
  const source = ctx.apiKeyId ? (input.source ?? 'api') : 'admin';
  const event = await db.transaction(async (tx) => {
    const customer = await lockCustomerConsent(tx, ctx.tenantId, customerId);
    if (!customer) throw new AppError('not_found', 'No customer with that id.');
    if (customer.consentStatus === input.status) throw new AppError('conflict', `The customer’s consent is already ${input.status}.`);
    const recorded = await recordConsentChange(tx, {
      tenantId: ctx.tenantId,
      customerId,
      status: input.status,
      source,
      actorUserId: ctx.userId,
      reason: input.reason,
      noticeVersion: customer.consentNoticeVersion,
    });
    await recordAudit(tx, ctx, { action: 'customer.consent_changed', targetType: 'customer', targetId: customerId, metadata: { from: customer.consentStatus, to: input.status, source } });
    return recorded;
  });
  const [view] = await historyQuery(db, ctx, eq(consentEvents.id, event.id), 1);
  if (!view) throw new Error('the recorded consent event was not found');
  return view;
}

function historyQuery(db: Database, ctx: Pick<TenantContext, 'tenantId'>, condition: ReturnType<typeof and>, limit: number) {
  return db
    .select({ event: consentEvents, actorName: users.name })
    .from(consentEvents)
    .leftJoin(users, eq(users.id, consentEvents.actorUserId))
    .where(and(eq(consentEvents.tenantId, ctx.tenantId), condition))
    .orderBy(desc(consentEvents.occurredAt), desc(consentEvents.id))
    .limit(limit)
    .then((rows) => rows.map((r) => consentEventView(r.event, r.actorName)));
}

// One consent event as the API and the dashboard show it.
export const consentEventSchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    status: z.enum(consentStatuses),
    source: z.enum(consentSources).describe('notice (the notice was sent), keyword, button, meta_opt_out, admin, import or api'),
    keyword: z.string().nullable().describe('The word or button title that decided it, e.g. YA or STOP'),
    evidenceMessageId: z.uuid().nullable().describe('The WhatsApp message that is the evidence'),
    noticeVersion: z.number().int().nullable().describe('The consent notice version the customer was shown'),
    actor: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('The team member, for changes made in the dashboard'),
    reason: z.string().nullable(),
    occurredAt: z.iso.datetime(),
  })
  .meta({ id: 'ConsentEvent' });
export type ConsentEventView = z.infer<typeof consentEventSchema>;

function consentEventView(row: ConsentEvent, actorName: string | null): ConsentEventView {
  return {
    id: row.id,
    customerId: row.customerId,
    status: row.status,
    source: row.source,
    keyword: row.keyword,
    evidenceMessageId: row.evidenceMessageId,
    noticeVersion: row.noticeVersion,
    actor: row.actorUserId ? { id: row.actorUserId, name: actorName ?? '' } : null,
    reason: row.reason,
    occurredAt: row.occurredAt.toISOString(),
  };
}

// The customer's consent history, newest first; any member may read it. 404 for another
// tenant's customer.
async function listConsentHistory(db: Database, ctx: TenantContext, customerId: string, paging: { limit: number; after?: Cursor | null }): Promise<ConsentEventView[]> {
  await getCustomer(db, ctx, customerId);
  return historyQuery(db, ctx, and(eq(consentEvents.customerId, customerId), afterCursor(consentEvents.occurredAt, consentEvents.id, paging.after, 'desc')), paging.limit);
}

export const CONSENT_HISTORY_PAGE = 20;

// One page of the history as the API and the customer page show it: { data, nextCursor }.
export async function consentHistoryPage(db: Database, ctx: TenantContext, customerId: string, paging: { limit?: number; after?: Cursor | null } = {}) {
  const limit = paging.limit ?? CONSENT_HISTORY_PAGE;
  const rows = await listConsentHistory(db, ctx, customerId, { limit: limit + 1, after: paging.after });
  return page(rows, limit, (view) => ({ createdAt: new Date(view.occurredAt), id: view.id }));
}
export type ConsentHistoryPage = Awaited<ReturnType<typeof consentHistoryPage>>;
