import { z } from 'zod';
import { importMappingSchema } from './fields';

// POST /api/v1/customers/import's multipart form, as the OpenAPI document describes it and the
// handler reads it.
export const importFormSchema = z.object({
  file: z
    .instanceof(File, { message: 'Attach the CSV file as `file`.' })
    .transform(async (file) => new Uint8Array(await file.arrayBuffer()))
    .meta({
      type: 'string',
      format: 'binary',
      description: 'The CSV (UTF-8 or Excel’s Windows encoding; comma, semicolon or tab separated), header row first; at most 5 MB and 50,000 rows',
    }),
  mapping: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '') return undefined;
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'The mapping is not valid JSON.' });
        return z.NEVER;
      }
    })
    .pipe(importMappingSchema.optional())
    .describe('JSON object: field → column header, e.g. {"name":"Nama","phone":"No. Telefon"}; when left out, guessed from the headers'),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: check and count only, nothing is written'),
});
