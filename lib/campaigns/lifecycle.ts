import type { Database } from '@/db';
import { type Campaign, type CampaignStatus, campaigns } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import { requireRole } from '@/lib/members/members';
import type { TenantContext } from '@/lib/tenants/context';
import { type CampaignView, checkCampaignReferences, getCampaign, loadCampaign, tenantCampaign } from './campaigns';
import { finishCampaign } from './dispatch';
import { launchJob } from './launch-job';

// draft → (launch) → scheduled → running → completed; running ⇄ paused; scheduled, running or
// paused → cancelled. Launching queues a 'campaigns/launch' job (now, or at scheduledAt) that
// fans the audience out and starts dispatch: heavy work never runs inside the request.

export interface LifecycleOptions {
  jobs?: JobClient;
  // The origin of the request, for tracked links when APP_URL is not set.
  origin?: string;
  now?: Date;
}

type Transition = (row: Campaign, now: Date) => Partial<typeof campaigns.$inferInsert> | null;

async function transition(
  db: Database,
  ctx: TenantContext,
  id: string,
  action: 'launched' | 'paused' | 'resumed' | 'cancelled',
  allowed: readonly CampaignStatus[],
  change: Transition,
  options: LifecycleOptions,
): Promise<CampaignView> {
  requireRole(ctx, 'admin');
  const now = options.now ?? new Date();
  const jobs = options.jobs ?? getJobClient();
  await db.transaction(async (tx) => {
    const row = await loadCampaign(tx, ctx, id, { forUpdate: true });
    if (!allowed.includes(row.status)) throw new AppError('conflict', `A ${row.status} campaign cannot be ${action}.`);
    const set = change(row, now);
    if (!set) return;
    await tx.update(campaigns).set({ ...set, updatedAt: now }).where(tenantCampaign(ctx, id));
    const next = { ...row, ...set } as Campaign;
    if (next.status === 'scheduled' || next.status === 'running') {
      await jobs.send(launchJob(next, options.origin, now), { db: tx });
    }
    await recordAudit(tx, ctx, { action: `campaign.${action}`, targetType: 'campaign', targetId: id, metadata: { name: row.name, status: next.status } });
  });
  if (action === 'cancelled') await finishCampaign(db, { tenantId: ctx.tenantId, id }, 'cancelled');
  return getCampaign(db, ctx, id);
}

// Now, or at scheduledAt when that is in the future. The message and audience are checked again
// (a template may have been disabled since the draft was saved).
export async function launchCampaign(db: Database, ctx: TenantContext, id: string, options: LifecycleOptions = {}): Promise<CampaignView> {
  const row = await loadCampaign(db, ctx, id);
  await checkCampaignReferences(db, ctx, row);
  const now = options.now ?? new Date();
  if (row.endsAt && row.endsAt <= now) throw AppError.field('validation', 'endsAt', 'The end time has passed; change it before launching.');
  return transition(db, ctx, id, 'launched', ['draft'], (r) => (r.scheduledAt && r.scheduledAt > now ? { status: 'scheduled' } : { status: 'running', launchedAt: now }), options);
}

export function pauseCampaign(db: Database, ctx: TenantContext, id: string, options: LifecycleOptions = {}): Promise<CampaignView> {
  return transition(db, ctx, id, 'paused', ['running', 'scheduled'], (_, now) => ({ status: 'paused', pausedAt: now }), options);
}

// Back to scheduled when its start is still ahead, else running (fan-out happens if it never did).
export function resumeCampaign(db: Database, ctx: TenantContext, id: string, options: LifecycleOptions = {}): Promise<CampaignView> {
  return transition(
    db,
    ctx,
    id,
    'resumed',
    ['paused'],
    (r, now) => (r.scheduledAt && r.scheduledAt > now && !r.launchedAt ? { status: 'scheduled', pausedAt: null } : { status: 'running', pausedAt: null, launchedAt: r.launchedAt ?? now }),
    options,
  );
}

// Nothing more is sent; recipients still queued are skipped as 'cancelled'.
export function cancelCampaign(db: Database, ctx: TenantContext, id: string, options: LifecycleOptions = {}): Promise<CampaignView> {
  return transition(db, ctx, id, 'cancelled', ['scheduled', 'running', 'paused'], (_, now) => ({ status: 'cancelled', cancelledAt: now }), options);
}
