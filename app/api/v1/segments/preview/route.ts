// POST /api/v1/segments/preview — how many customers criteria match now, and the newest 10 (the builder's live count)
import { readJson } from '@/lib/api/body';
import { withTenant } from '@/lib/api/route';
import { segmentCriteriaSchema } from '@/lib/segments/filter-schema';
import { previewSegment } from '@/lib/segments/preview';

export const POST = withTenant(async ({ req, db, ctx }) => Response.json(await previewSegment(db, ctx, await readJson(req, segmentCriteriaSchema))), { allowSession: true });
