// GET /api/v1/contests/:id/winners — the winners in draw order, with claim status
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { listWinners } from '@/lib/contests/winners';

export const GET = withTenant<{ id: string }>(async ({ db, ctx, params }) => Response.json({ data: await listWinners(db, ctx, parseId(params.id, 'contest')) }), { allowSession: true });
