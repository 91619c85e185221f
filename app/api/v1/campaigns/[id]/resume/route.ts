// POST /api/v1/campaigns/:id/resume — continue a paused campaign
import { lifecycleRoute } from '@/lib/campaigns/lifecycle-route';

export const POST = lifecycleRoute('resume');
