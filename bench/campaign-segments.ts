// bench:campaign, part 1: the segment builder's live count (and the preview with its sample)
// for typical segments over a large tenant, timed as the API runs them (lib/segments).
import type { Database } from '@/db';
import { type SegmentCriteria, segmentCriteriaSchema } from '@/lib/segments/filter-schema';
import { countSegment, previewSegment } from '@/lib/segments/preview';
import { timeRuns } from './support';

export const typicalSegments: Record<string, SegmentCriteria> = {
  // The target case: spend + age + state.
  'spend ≥ 500, age 25–40, Klang Valley': {
    filter: {
      and: [
        { field: 'totalSpent', op: 'gte', value: '500' },
        { field: 'age', op: 'between', value: [25, 40] },
        { field: 'state', op: 'in', value: ['MY-10', 'MY-14', 'MY-16'] },
      ],
    },
  },
  'spend 200–1,000, age ≥ 50, Johor': {
    filter: {
      and: [
        { field: 'totalSpent', op: 'between', value: ['200', '1000'] },
        { field: 'age', op: 'gte', value: 50 },
        { field: 'state', op: 'eq', value: 'MY-01' },
      ],
    },
  },
  'spend ≥ 2,000, age ≤ 30, not withdrawn': {
    filter: {
      and: [
        { field: 'totalSpent', op: 'gte', value: '2000' },
        { field: 'age', op: 'lte', value: 30 },
        { not: { field: 'consentStatus', op: 'eq', value: 'withdrawn' } },
      ],
    },
  },
};

export async function benchSegmentPreview(db: Database, tenantId: string, runs: number) {
  const ctx = { tenantId };
  const results = [];
  for (const [name, raw] of Object.entries(typicalSegments)) {
    const criteria = segmentCriteriaSchema.parse(raw);
    results.push({
      segment: name,
      matches: await countSegment(db, ctx, criteria),
      countMs: await timeRuns(runs, () => countSegment(db, ctx, criteria)),
      previewWithSampleMs: await timeRuns(runs, () => previewSegment(db, ctx, criteria)),
    });
  }
  return results;
}
