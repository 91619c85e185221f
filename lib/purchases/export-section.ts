import { and, asc, eq } from 'drizzle-orm';
import { strToU8 } from 'fflate';
import { purchases, tierChanges } from '@/db/schema';
import { csvDocument } from '@/lib/csv/write';
import type { ExportSection } from '@/lib/pdpa/export-sections';

// A customer's purchases and tier history in their PDPA export bundle (purchases.csv,
// tier-changes.csv), oldest first; nothing when there are none.
export const purchasesExportSection: ExportSection = {
  name: 'purchases',
  async files({ db, ctx, customer }) {
    const [rows, changes] = await Promise.all([
      db
        .select()
        .from(purchases)
        .where(and(eq(purchases.tenantId, ctx.tenantId), eq(purchases.customerId, customer.id)))
        .orderBy(asc(purchases.purchasedOn), asc(purchases.createdAt)),
      db
        .select()
        .from(tierChanges)
        .where(and(eq(tierChanges.tenantId, ctx.tenantId), eq(tierChanges.customerId, customer.id)))
        .orderBy(asc(tierChanges.createdAt)),
    ]);
    const files = [];
    if (rows.length > 0) {
      const header = ['id', 'date', 'merchant', 'total', 'currency', 'tax', 'rounding', 'items', 'receiptNumber', 'paymentMethod', 'source', 'receiptMediaId', 'recordedAt'];
      const cells = rows.map((p) => [p.id, p.purchasedOn, p.merchant, p.total, p.currency, p.tax, p.rounding, JSON.stringify(p.items), p.receiptNumber, p.paymentMethod, p.source, p.receiptMediaId, p.createdAt.toISOString()]);
      files.push({ path: 'purchases.csv', bytes: strToU8(csvDocument(header, cells)) });
    }
    if (changes.length > 0) {
      const cells = changes.map((c) => [c.createdAt.toISOString(), c.fromTier, c.toTier, c.spend, c.notified]);
      files.push({ path: 'tier-changes.csv', bytes: strToU8(csvDocument(['at', 'from', 'to', 'spend', 'toldOnWhatsApp'], cells)) });
    }
    return files;
  },
};
