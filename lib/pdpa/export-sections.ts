import { and, asc, eq, inArray } from 'drizzle-orm';
import { strToU8 } from 'fflate';
import type { Database } from '@/db';
import { type Customer, consentEvents, media, messages } from '@/db/schema';
import { contestsExportSection } from '@/lib/contests/export-section';
import { csvDocument } from '@/lib/csv/write';
import { purchasesExportSection } from '@/lib/purchases/export-section';
import type { ObjectStorage } from '@/lib/storage';
import type { TenantContext } from '@/lib/tenants/context';

export interface ExportFile {
  path: string;
  bytes: Uint8Array;
  // Photos, PDFs and voice notes are compressed already.
  compressed?: boolean;
}

export interface ExportInput {
  db: Database;
  ctx: TenantContext;
  customer: Customer;
  storage: ObjectStorage;
}

// One part of a customer's export bundle. Each domain appends its own (purchases, contest
// entries) to exportSections, so an access request always covers everything held.
export interface ExportSection {
  name: string;
  files(input: ExportInput): Promise<ExportFile[]>;
}

const iso = (at: Date | null) => at?.toISOString() ?? null;
const csvFile = (path: string, header: string[], rows: (string | number | boolean | null)[][]): ExportFile => ({ path, bytes: strToU8(csvDocument(header, rows)) });

const extensions: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'application/pdf': '.pdf',
  'audio/ogg': '.ogg',
  'audio/mpeg': '.mp3',
  'audio/mp4': '.m4a',
  'audio/aac': '.aac',
  'video/mp4': '.mp4',
  'video/3gpp': '.3gp',
  'text/plain': '.txt',
};

function mediaPath(id: string, mimeType: string | null): string {
  return `media/${id}${extensions[mimeType ?? ''] ?? '.bin'}`;
}

async function customerMessages(db: Database, ctx: TenantContext, customerId: string) {
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.tenantId, ctx.tenantId), eq(messages.customerId, customerId)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}

const messagesSection: ExportSection = {
  name: 'messages',
  async files({ db, ctx, customer }) {
    const rows = await customerMessages(db, ctx, customer.id);
    const mediaTypes = await mediaOf(db, ctx, rows.map((m) => m.mediaId));
    return [
      csvFile(
        'messages.csv',
        ['id', 'conversationId', 'createdAt', 'direction', 'type', 'status', 'text', 'details', 'attachment', 'sentAt', 'deliveredAt', 'readAt', 'failedAt', 'errorCode', 'errorTitle'],
        rows.map((m) => {
          const file = m.mediaId ? mediaTypes.get(m.mediaId) : undefined;
          return [
            m.id,
            m.conversationId,
            iso(m.createdAt),
            m.direction,
            m.type,
            m.status,
            m.text,
            // Locations, contact cards, button replies: personal data too.
            Object.keys(m.content).length > 0 ? JSON.stringify(m.content) : null,
            file ? mediaPath(file.id, file.mimeType) : null,
            iso(m.sentAt),
            iso(m.deliveredAt),
            iso(m.readAt),
            iso(m.failedAt),
            m.errorCode,
            m.errorTitle,
          ];
        }),
      ),
    ];
  },
};

async function mediaOf(db: Database, ctx: TenantContext, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, typeof media.$inferSelect>();
  const rows = await db
    .select()
    .from(media)
    .where(and(eq(media.tenantId, ctx.tenantId), inArray(media.id, wanted)));
  return new Map(rows.map((r) => [r.id, r]));
}

const consentSection: ExportSection = {
  name: 'consent events',
  async files({ db, ctx, customer }) {
    const rows = await db
      .select()
      .from(consentEvents)
      .where(and(eq(consentEvents.tenantId, ctx.tenantId), eq(consentEvents.customerId, customer.id)))
      .orderBy(asc(consentEvents.occurredAt), asc(consentEvents.id));
    return [
      csvFile(
        'consent-events.csv',
        ['occurredAt', 'status', 'source', 'keyword', 'noticeVersion', 'reason', 'evidenceMessageId'],
        rows.map((e) => [iso(e.occurredAt), e.status, e.source, e.keyword, e.noticeVersion, e.reason, e.evidenceMessageId]),
      ),
    ];
  },
};

// The files themselves, not just a list: a photo of an IC card or a receipt is personal data
// the access request covers. media.csv says what each file is, and which could not be read.
const mediaSection: ExportSection = {
  name: 'media',
  async files({ db, ctx, customer, storage }) {
    const rows = await customerMessages(db, ctx, customer.id);
    const files = await mediaOf(db, ctx, rows.map((m) => m.mediaId));
    const out: ExportFile[] = [];
    const index: (string | number | null)[][] = [];
    for (const message of rows) {
      const file = message.mediaId ? files.get(message.mediaId) : undefined;
      if (!file) continue;
      const stored = file.status === 'stored' && file.storageKey ? await storage.get(file.storageKey) : null;
      const path = mediaPath(file.id, file.mimeType);
      if (stored) out.push({ path, bytes: new Uint8Array(stored.bytes), compressed: true });
      const state = stored ? 'included' : file.status === 'stored' ? 'missing from storage' : file.status;
      index.push([stored ? path : null, message.id, iso(message.createdAt), file.mimeType, file.sizeBytes, file.fileName, state]);
    }
    if (index.length === 0) return [];
    return [...out, csvFile('media.csv', ['file', 'messageId', 'messageAt', 'mimeType', 'sizeBytes', 'originalName', 'state'], index)];
  },
};

export const exportSections: ExportSection[] = [messagesSection, consentSection, mediaSection, purchasesExportSection, contestsExportSection];
