import { z } from 'zod';

// The multipart form of a CSV import: the file, an optional mapping as JSON, and dryRun.
export function csvImportFormSchema<M extends z.ZodType>(mapping: M, descriptions: { file: string; mapping: string }) {
  return z.object({
    file: z
      .instanceof(File, { message: 'Attach the CSV file as `file`.' })
      .transform(async (file) => new Uint8Array(await file.arrayBuffer()))
      .meta({ type: 'string', format: 'binary', description: descriptions.file }),
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
      .pipe(mapping.optional())
      .describe(descriptions.mapping),
    dryRun: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true')
      .describe('true: check and count only, nothing is written'),
  });
}
