// POST /api/v1/campaigns/:id/cancel — stop for good; recipients still queued are skipped
import { lifecycleRoute } from '@/lib/campaigns/lifecycle-route';

export const POST = lifecycleRoute('cancel');
