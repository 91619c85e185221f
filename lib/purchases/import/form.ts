import { z } from 'zod';
import { csvImportFormSchema } from '@/lib/csv/import-form';
import { MAX_PURCHASE_IMPORT_BYTES, MAX_PURCHASE_IMPORT_ROWS } from './import';
import { purchaseImportFields, purchaseImportMappingSchema } from './fields';

// POST /api/v1/purchases/import's multipart form, as the handler reads it and the OpenAPI
// document describes it.
export const purchaseImportFormSchema = csvImportFormSchema(purchaseImportMappingSchema, {
  file: `The CSV, header row first: phone or customer id, date (2026-03-14 or 14/03/2026), total, and optionally merchant, receipt no., payment; at most ${MAX_PURCHASE_IMPORT_BYTES / 1024 / 1024} MB and ${MAX_PURCHASE_IMPORT_ROWS.toLocaleString('en')} rows`,
  mapping: 'JSON object: field → column header, e.g. {"phone":"No. Telefon","total":"Jumlah"}; when left out, guessed from the headers',
});

export const purchaseImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    headers: z.array(z.string()),
    mapping: z.object(Object.fromEntries(purchaseImportFields.map((f) => [f, z.string().nullable()])) as Record<(typeof purchaseImportFields)[number], z.ZodNullable<z.ZodString>>),
    totalRows: z.number().int(),
    skipped: z.number().int().describe('Rows with an error (bad values, or no such customer): not imported'),
    imported: z.number().int().describe('Purchases added (in a dry run: rows that would be added)'),
    alreadyImported: z.number().int().describe('Rows added by an earlier import of the same file: nothing added again'),
    duplicates: z.number().int().describe('Receipts already recorded (same receipt number, merchant, day and total): not added'),
    unknownCustomers: z.number().int().describe('Rows whose phone number or id is no customer of this tenant'),
    tiersChanged: z.number().int(),
    issues: z.array(
      z.object({
        row: z.number().int().describe('The spreadsheet row; the header is row 1'),
        column: z.string().nullable(),
        message: z.string(),
        severity: z.enum(['error', 'warning']).describe('error: the row was left out; warning: what happened to a row that was not added'),
      }),
    ),
  })
  .meta({ id: 'PurchaseImportResult' });
