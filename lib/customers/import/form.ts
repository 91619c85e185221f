import { z } from 'zod';
import { customers } from '@/db/schema';
import { csvImportFormSchema } from '@/lib/csv/import-form';
import { customerLanguages } from '../correction';
import { importFields, importMappingSchema } from './fields';

// POST /api/v1/customers/import's multipart form and its answer, as the OpenAPI document
// describes them and the handler reads and writes them.
export const importFormSchema = csvImportFormSchema(importMappingSchema, {
  file: 'The CSV (UTF-8 or Excel’s Windows encoding; comma, semicolon or tab separated), header row first; at most 5 MB and 50,000 rows',
  mapping: 'JSON object: field → column header, e.g. {"name":"Nama","phone":"No. Telefon"}; when left out, guessed from the headers',
});

const importIssueSchema = z.object({
  row: z.number().int().describe('The spreadsheet row; the header is row 1'),
  column: z.string().nullable().describe("The file's header of the column"),
  message: z.string(),
  severity: z.enum(['error', 'warning']).describe('error: the row was left out; warning: imported all the same'),
});

export const importResultSchema = z
  .object({
    dryRun: z.boolean(),
    headers: z.array(z.string()),
    mapping: z.object(Object.fromEntries(importFields.map((f) => [f, z.string().nullable()])) as Record<(typeof importFields)[number], z.ZodNullable<z.ZodString>>),
    totalRows: z.number().int(),
    skipped: z.number().int().describe('Rows with an error, not imported'),
    created: z.number().int().describe('New customers (in a dry run: that would be created)'),
    updated: z.number().int().describe('Existing customers with the same phone number, updated with the non-empty cells'),
    consentRecorded: z.number().int().describe('Consent changes recorded from rows with evidence (source import)'),
    issues: z.array(importIssueSchema),
    preview: z
      .array(
        z.object({
          row: z.number().int(),
          phone: z.string(),
          name: z.string().nullable(),
          icNumberMasked: z.string().nullable(),
          gender: z.enum(customers.gender.enumValues).nullable(),
          maritalStatus: z.enum(customers.maritalStatus.enumValues).nullable(),
          city: z.string().nullable(),
          language: z.enum(customerLanguages).nullable(),
          consent: z.object({ status: z.enum(['granted', 'withdrawn']), evidence: z.string() }).nullable(),
        }),
      )
      .describe('The first good rows as they will be stored'),
  })
  .meta({ id: 'CustomerImportResult' });

export type ImportResult = z.infer<typeof importResultSchema>;
