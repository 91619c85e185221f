import { z } from 'zod';

// A form field holding JSON (lists and nested objects do not survive FormData), parsed and then
// checked by `schema`; bad JSON is a field error: "<what> is not valid JSON."
export function jsonField<S extends z.ZodType>(what: string, schema: S) {
  return z
    .string()
    .transform((raw, ctx) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: `${what} is not valid JSON.` });
        return z.NEVER;
      }
    })
    .pipe(schema);
}
