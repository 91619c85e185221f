// POST /api/v1/campaigns/:id/launch — queue the audience and start sending (now, or scheduled at scheduledAt)
import { lifecycleRoute } from '@/lib/campaigns/lifecycle-route';

export const POST = lifecycleRoute('launch');
