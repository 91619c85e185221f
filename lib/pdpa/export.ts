import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { type Zippable, strToU8, zipSync } from 'fflate';
import type { Database } from '@/db';
import { type Customer, channels, consentEvents, consentNotices, conversations, dataSubjectRequests } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { getCustomer } from '@/lib/customers/customers';
import { unsealIc } from '@/lib/customers/ic';
import { requireRole } from '@/lib/members/members';
import { type ObjectStorage, getStorage } from '@/lib/storage';
import type { TenantContext } from '@/lib/tenants/context';
import { type ExportFile, type ExportInput, exportSections } from './export-sections';
import { logAccessFulfilled } from './requests';
import { getPdpaSettings } from './settings';

export const EXPORT_FORMAT = 'sembang.customer-export/1';

const iso = (at: Date | null) => at?.toISOString() ?? null;

// The profile as held, IC number in full: the bundle answers the data subject's own access
// request (PDPA s.30), which is why only owners and admins may make one.
function profile(c: Customer) {
  return {
    id: c.id,
    name: c.name,
    profileName: c.profileName,
    phone: c.phone,
    waId: c.waId,
    waUserId: c.waUserId,
    language: c.language,
    icNumber: c.icEncrypted ? unsealIc(c.icEncrypted) : null,
    dateOfBirth: c.dateOfBirth,
    gender: c.gender,
    maritalStatus: c.maritalStatus,
    state: c.state,
    birthCountry: c.birthCountry,
    city: c.city,
    consentStatus: c.consentStatus,
    consentUpdatedAt: iso(c.consentUpdatedAt),
    consentRequestedAt: iso(c.consentRequestedAt),
    consentNoticeVersion: c.consentNoticeVersion,
    anonymizedAt: iso(c.anonymizedAt),
    lastInteractionAt: iso(c.lastInteractionAt),
    inboundMessages: c.inboundCount,
    outboundMessages: c.outboundCount,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}

// The notice texts this customer was shown, as evidence of what they agreed to.
async function noticesShown(db: Database, ctx: TenantContext, customer: Customer) {
  const events = await db
    .selectDistinct({ version: consentEvents.noticeVersion })
    .from(consentEvents)
    .where(and(eq(consentEvents.tenantId, ctx.tenantId), eq(consentEvents.customerId, customer.id), isNotNull(consentEvents.noticeVersion)));
  const versions = [...new Set([...events.map((e) => e.version), customer.consentNoticeVersion].filter((v): v is number => v !== null))];
  if (versions.length === 0) return [];
  const rows = await db
    .select()
    .from(consentNotices)
    .where(and(eq(consentNotices.tenantId, ctx.tenantId), inArray(consentNotices.version, versions)))
    .orderBy(asc(consentNotices.version));
  return rows.map((n) => ({ version: n.version, bodyMs: n.bodyMs, bodyEn: n.bodyEn, bodyZh: n.bodyZh, createdAt: iso(n.createdAt) }));
}

async function customerDocument(input: ExportInput, files: string[], now: Date) {
  const { db, ctx, customer } = input;
  const [settings, conversationRows, requests, notices] = await Promise.all([
    getPdpaSettings(db, ctx),
    db
      .select({ id: conversations.id, channel: channels.name, status: conversations.status, createdAt: conversations.createdAt, lastMessageAt: conversations.lastMessageAt })
      .from(conversations)
      .innerJoin(channels, and(eq(channels.tenantId, ctx.tenantId), eq(channels.id, conversations.channelId)))
      .where(and(eq(conversations.tenantId, ctx.tenantId), eq(conversations.customerId, customer.id)))
      .orderBy(asc(conversations.createdAt)),
    db
      .select()
      .from(dataSubjectRequests)
      .where(and(eq(dataSubjectRequests.tenantId, ctx.tenantId), eq(dataSubjectRequests.customerId, customer.id)))
      .orderBy(asc(dataSubjectRequests.receivedAt)),
    noticesShown(db, ctx, customer),
  ]);
  return {
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    dataUser: {
      business: ctx.tenantName,
      brand: settings.brandName,
      dataProtectionOfficer: { name: settings.dpoName, email: settings.dpoEmail, phone: settings.dpoPhone },
    },
    customer: profile(customer),
    conversations: conversationRows.map((c) => ({ ...c, createdAt: iso(c.createdAt), lastMessageAt: iso(c.lastMessageAt) })),
    consentNoticesShown: notices,
    dataRequests: requests.map((r) => ({ kind: r.kind, status: r.status, receivedAt: iso(r.receivedAt), dueAt: iso(r.dueAt), completedAt: iso(r.completedAt), notes: r.notes })),
    files: ['customer.json', ...files],
  };
}

export interface CustomerExport {
  fileName: string;
  bytes: Uint8Array;
  files: string[];
}

// Everything held on one customer as a zip (customer.json, messages.csv, consent-events.csv,
// media/ with media.csv, and what later sections add). Owners and admins only; each export is
// audited and answers an access request (the open one, or a completed one logged now).
export async function exportCustomer(
  db: Database,
  ctx: TenantContext,
  customerId: string,
  deps: { storage?: ObjectStorage; now?: Date } = {},
): Promise<CustomerExport> {
  requireRole(ctx, 'admin');
  const now = deps.now ?? new Date();
  const customer = await getCustomer(db, ctx, customerId);
  const input: ExportInput = { db, ctx, customer, storage: deps.storage ?? getStorage() };
  const parts: ExportFile[] = (await Promise.all(exportSections.map((section) => section.files(input)))).flat();
  const document = await customerDocument(input, parts.map((p) => p.path), now);
  const zippable: Zippable = { 'customer.json': strToU8(JSON.stringify(document, null, 2)) };
  for (const part of parts) zippable[part.path] = [part.bytes, { level: part.compressed ? 0 : 6 }];
  const bytes = zipSync(zippable, { mtime: now });

  await db.transaction(async (tx) => {
    const { requestId, logged } = await logAccessFulfilled(tx, ctx, customer, now);
    await recordAudit(tx, ctx, {
      action: 'customer.exported',
      targetType: 'customer',
      targetId: customer.id,
      metadata: { files: document.files.length, includesIcNumber: customer.icEncrypted !== null, requestId, requestLogged: logged },
    });
  });
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  return { fileName: `sembang-customer-${customer.id.slice(0, 8)}-${day}.zip`, bytes, files: document.files };
}
