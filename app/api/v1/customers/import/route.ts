// POST /api/v1/customers/import — a CSV of customers (multipart: file, mapping, dryRun); per-row report
import { readFormData } from '@/lib/api/body';
import { withTenant } from '@/lib/api/route';
import { importFormSchema } from '@/lib/customers/import/form';
import { MAX_IMPORT_BYTES, importCustomers } from '@/lib/customers/import/import';

// The form around the file: field names, the mapping, boundaries.
const FORM_OVERHEAD_BYTES = 64 * 1024;

export const POST = withTenant(
  async ({ req, db, ctx }) => {
    const form = await readFormData(req, MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES, `The file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
    const input = await importFormSchema.parseAsync(Object.fromEntries(form));
    const result = await importCustomers(db, ctx, { bytes: input.file, mapping: input.mapping, dryRun: input.dryRun });
    return Response.json(result, { status: input.dryRun ? 200 : 201 });
  },
  { allowSession: true, minimumRole: 'admin' },
);
