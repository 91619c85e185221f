// POST /api/v1/campaigns/:id/pause — stop sending until resumed
import { lifecycleRoute } from '@/lib/campaigns/lifecycle-route';

export const POST = lifecycleRoute('pause');
