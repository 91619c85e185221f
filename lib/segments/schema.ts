import { z } from 'zod';
import { segmentCriteriaSchema } from './filter-schema';

export const SEGMENT_NAME_MAX = 80;
export const SEGMENT_DESCRIPTION_MAX = 500;

const name = z
  .string({ error: 'Give the segment a name.' })
  .trim()
  .min(1, 'Give the segment a name.')
  .max(SEGMENT_NAME_MAX, `Use at most ${SEGMENT_NAME_MAX} characters.`)
  .describe('Unique in the tenant, ignoring case');
// Blank clears it.
const description = z
  .string()
  .trim()
  .max(SEGMENT_DESCRIPTION_MAX, `Use at most ${SEGMENT_DESCRIPTION_MAX} characters.`)
  .nullable()
  .transform((d) => d || null);

export const segmentInputSchema = z.object({
  name,
  description: description.optional(),
  criteria: segmentCriteriaSchema,
});
export type SegmentInput = z.infer<typeof segmentInputSchema>;

export const segmentPatchSchema = z.object({
  name: name.optional(),
  description: description.optional().describe('null or "" clears it'),
  criteria: segmentCriteriaSchema.optional(),
});
export type SegmentPatch = z.infer<typeof segmentPatchSchema>;
