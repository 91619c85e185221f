// POST /api/v1/purchases/import — a CSV of purchases (multipart: file, mapping, dryRun); per-row report
import { readFormData } from '@/lib/api/body';
import { withTenant } from '@/lib/api/route';
import { purchaseImportFormSchema } from '@/lib/purchases/import/form';
import { MAX_PURCHASE_IMPORT_BYTES, importPurchases } from '@/lib/purchases/import/import';

// The form around the file: field names, the mapping, boundaries.
const FORM_OVERHEAD_BYTES = 64 * 1024;

export const POST = withTenant(
  async ({ req, db, ctx }) => {
    const form = await readFormData(req, MAX_PURCHASE_IMPORT_BYTES + FORM_OVERHEAD_BYTES, `The file may be at most ${MAX_PURCHASE_IMPORT_BYTES / 1024 / 1024} MB.`);
    const input = await purchaseImportFormSchema.parseAsync(Object.fromEntries(form));
    const result = await importPurchases(db, ctx, { bytes: input.file, mapping: input.mapping, dryRun: input.dryRun });
    return Response.json(result, { status: input.dryRun ? 200 : 201 });
  },
  { allowSession: true, minimumRole: 'admin' },
);
