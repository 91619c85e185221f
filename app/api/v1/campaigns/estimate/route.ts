// POST /api/v1/campaigns/estimate — who an audience and message would reach now, why the others not, and how long it would take
import { and, eq } from 'drizzle-orm';
import { channels } from '@/db/schema';
import { readJson } from '@/lib/api/body';
import { withTenant } from '@/lib/api/route';
import { estimateAudience } from '@/lib/campaigns/audience';
import { estimateDurationSeconds } from '@/lib/campaigns/render';
import { campaignEstimateSchema } from '@/lib/campaigns/schema';
import { AppError } from '@/lib/errors';

export const POST = withTenant(
  async ({ req, db, ctx }) => {
    const input = await readJson(req, campaignEstimateSchema);
    const [channel] = await db.select({ rate: channels.sendRatePerSecond }).from(channels).where(and(eq(channels.tenantId, ctx.tenantId), eq(channels.id, input.channelId))).limit(1);
    if (!channel) throw AppError.field('validation', 'channelId', 'No channel with that id.');
    const estimate = await estimateAudience(db, ctx, input);
    return Response.json({ ...estimate, estimatedSeconds: estimateDurationSeconds(estimate.eligible, channel.rate) });
  },
  { allowSession: true },
);
