import type { Database } from '@/db';
import type { Customer } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { UTF8_BOM, csvRow } from '@/lib/csv/write';
import { AppError } from '@/lib/errors';
import { ageOn, stateName } from '@/lib/mykad';
import { type TenantContext, hasRole } from '@/lib/tenants/context';
import { listCustomers } from './list';
import type { CustomerListQuery } from './list-query';

// Rows per query: large enough to stream quickly, small enough to hold in memory.
const EXPORT_PAGE_SIZE = 1000;

const header = [
  'id', 'name', 'whatsapp_profile_name', 'phone', 'ic_number_masked', 'date_of_birth', 'age', 'gender', 'marital_status',
  'birth_state', 'birth_country', 'city', 'language', 'consent_status', 'consent_updated_at', 'messages_in', 'messages_out',
  'last_interaction_at', 'created_at',
];

// The IC number only ever masked: an export file travels further than any page.
function exportRow(c: Customer, now: Date): string {
  return csvRow([
    c.id, c.name, c.profileName, c.phone, c.icMasked, c.dateOfBirth, c.dateOfBirth ? ageOn(c.dateOfBirth, now) : null, c.gender, c.maritalStatus,
    stateName(c.state), c.birthCountry, c.city, c.language, c.consentStatus, c.consentUpdatedAt?.toISOString(), c.inboundCount, c.outboundCount,
    c.lastInteractionAt?.toISOString(), c.createdAt.toISOString(),
  ]);
}

// The tenant's customers matching the list's filters and sort, as CSV for Excel (UTF-8 BOM,
// CRLF, formula guard), read a page at a time while the client downloads. Owners and admins;
// the export is in the audit log with the filters used (names only).
export async function exportCustomersCsv(db: Database, ctx: TenantContext, query: CustomerListQuery, now: Date = new Date()): Promise<ReadableStream<Uint8Array>> {
  if (!hasRole(ctx, 'admin')) throw new AppError('forbidden', 'Exporting customers needs the admin role or higher.');
  const { limit: _limit, cursor: _cursor, ...filters } = query;
  const used = Object.entries(filters).filter(([key, v]) => v !== undefined && key !== 'sort' && key !== 'order').map(([key]) => key);
  await recordAudit(db, ctx, { action: 'customers.exported', targetType: 'customer', metadata: { filters: used } });
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(UTF8_BOM + csvRow(header)));
        return;
      }
      const page = await listCustomers(db, ctx, { ...filters, limit: EXPORT_PAGE_SIZE, cursor }, now);
      controller.enqueue(encoder.encode(page.rows.map((c) => exportRow(c, now)).join('')));
      if (page.nextCursor) cursor = page.nextCursor;
      else controller.close();
    },
  });
}
