import type { Database } from '@/db';
import { csvDocument } from '@/lib/csv/write';
import type { TenantContext } from '@/lib/tenants/context';
import { listEntries } from './entries';

const myt = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Kuala_Lumpur', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });

// Every entry, newest first, for a spreadsheet: "2026-04-01 09:30:00" Malaysian time.
export async function entriesCsv(db: Database, ctx: Pick<TenantContext, 'tenantId'>, contestId: string): Promise<string> {
  const rows = await listEntries(db, ctx, contestId, {});
  return csvDocument(
    ['entry_id', 'entry_code', 'customer_id', 'customer_name', 'phone', 'entered_at_myt', 'status', 'disqualified_reason'],
    rows.map(({ entry, customerName, customerPhone }) => [entry.id, entry.code, entry.customerId, customerName, customerPhone, myt.format(entry.createdAt), entry.status, entry.disqualifiedReason]),
  );
}
