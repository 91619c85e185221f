import { type SQL, and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Campaign, type CampaignMessage, type CampaignStatus, campaigns, channels, media, segments, templates } from '@/db/schema';
import { type Cursor, afterCursor, decodeCursor, encodeCursor } from '@/lib/api/pagination';
import { recordAudit } from '@/lib/audit';
import { AppError } from '@/lib/errors';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import { requireRole } from '@/lib/members/members';
import type { TenantContext } from '@/lib/tenants/context';
import { templateParameterCount } from '@/lib/whatsapp/outbound/window';
import { launchJob } from './launch-job';
import type { CampaignCreateInput, CampaignUpdateInput } from './schema';
import { type CampaignStats, campaignStats, emptyStats } from './stats';

// One-off and automated campaigns: every member may read them; owners and admins (and API
// keys) create, change, launch and stop them.

export const DEFAULT_ATTRIBUTION_DAYS = 7;

type Tenant = Pick<TenantContext, 'tenantId'>;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function campaignView(row: Campaign, channelName: string | null, stats: CampaignStats = emptyStats) {
  return {
    id: row.id,
    name: row.name,
    objective: row.objective,
    type: row.type,
    channelId: row.channelId,
    channelName,
    status: row.status,
    audience: row.audience,
    message: row.message,
    trigger: row.trigger,
    scheduledAt: iso(row.scheduledAt),
    endsAt: iso(row.endsAt),
    attributionDays: row.attributionDays,
    launchedAt: iso(row.launchedAt),
    pausedAt: iso(row.pausedAt),
    completedAt: iso(row.completedAt),
    cancelledAt: iso(row.cancelledAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    stats,
  };
}
export type CampaignView = ReturnType<typeof campaignView>;

export function tenantCampaign(ctx: Tenant, id: string): SQL | undefined {
  return and(eq(campaigns.tenantId, ctx.tenantId), eq(campaigns.id, id));
}

const notFound = () => new AppError('not_found', 'No campaign with that id.');

// The stored row, for lib code that acts on it (lifecycle, dispatch).
export async function loadCampaign(db: Database, ctx: Tenant, id: string, options: { forUpdate?: boolean } = {}): Promise<Campaign> {
  const query = db.select().from(campaigns).where(tenantCampaign(ctx, id)).limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

async function views(db: Database, ctx: Tenant, rows: Campaign[]): Promise<CampaignView[]> {
  if (rows.length === 0) return [];
  const channelIds = [...new Set(rows.map((r) => r.channelId))];
  const [names, stats] = await Promise.all([
    db.select({ id: channels.id, name: channels.name }).from(channels).where(and(eq(channels.tenantId, ctx.tenantId), inArray(channels.id, channelIds))),
    campaignStats(db, ctx.tenantId, rows.map((r) => r.id)),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return rows.map((row) => campaignView(row, nameOf.get(row.channelId) ?? null, stats.get(row.id)));
}

export async function getCampaign(db: Database, ctx: Tenant, id: string): Promise<CampaignView> {
  const [view] = await views(db, ctx, [await loadCampaign(db, ctx, id)]);
  if (!view) throw notFound();
  return view;
}

// Newest first, keyset on (createdAt, id).
export async function listCampaigns(db: Database, ctx: Tenant, query: { limit: number; cursor?: string; status?: CampaignStatus }) {
  const after: Cursor | null = decodeCursor(query.cursor);
  const rows = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.tenantId, ctx.tenantId), query.status ? eq(campaigns.status, query.status) : undefined, afterCursor(campaigns.createdAt, campaigns.id, after, 'desc')))
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(query.limit + 1);
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows[pageRows.length - 1];
  return { data: await views(db, ctx, pageRows), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

// Everything a campaign names must be the tenant's: channel, segments, template (approved, with
// as many parameters as its body needs) and media.
export async function checkCampaignReferences(
  db: Database,
  ctx: Tenant,
  input: { channelId?: string; audience?: { segmentIds?: string[] }; message?: CampaignMessage },
): Promise<void> {
  const t = ctx.tenantId;
  if (input.channelId) {
    const [row] = await db.select({ id: channels.id }).from(channels).where(and(eq(channels.tenantId, t), eq(channels.id, input.channelId))).limit(1);
    if (!row) throw AppError.field('validation', 'channelId', 'No channel with that id.');
  }
  const segmentIds = [...new Set(input.audience?.segmentIds ?? [])];
  if (segmentIds.length > 0) {
    const found = await db.select({ id: segments.id }).from(segments).where(and(eq(segments.tenantId, t), inArray(segments.id, segmentIds)));
    const missing = segmentIds.find((id) => !found.some((f) => f.id === id));
    if (missing) throw AppError.field('validation', 'audience.segmentIds', `No segment with the id ${missing}.`);
  }
  const message = input.message;
  if (message && 'templateId' in message) {
    const [template] = await db.select().from(templates).where(and(eq(templates.tenantId, t), eq(templates.id, message.templateId))).limit(1);
    if (!template) throw AppError.field('validation', 'message.templateId', 'No template with that id.');
    if (template.status !== 'approved') throw AppError.field('validation', 'message.templateId', `The template “${template.name}” is ${template.status}, not approved.`);
    const needed = templateParameterCount(template.body);
    if (message.parameters.length !== needed) throw AppError.field('validation', 'message.parameters', `The template needs ${needed} parameter(s); ${message.parameters.length} given.`);
  }
  if (message && 'mediaId' in message && message.mediaId) {
    const [row] = await db.select({ mimeType: media.mimeType }).from(media).where(and(eq(media.tenantId, t), eq(media.id, message.mediaId), eq(media.status, 'stored'))).limit(1);
    if (!row) throw AppError.field('validation', 'message.mediaId', 'No media file with that id.');
    if (!/^(image|video)\//.test(row.mimeType ?? '')) throw AppError.field('validation', 'message.mediaId', 'Attach an image or a video.');
  }
}

const date = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));

export async function createCampaign(db: Database, ctx: TenantContext, input: CampaignCreateInput): Promise<CampaignView> {
  requireRole(ctx, 'admin');
  await checkCampaignReferences(db, ctx, input);
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(campaigns)
      .values({
        tenantId: ctx.tenantId,
        name: input.name,
        objective: input.objective ?? null,
        type: input.type,
        channelId: input.channelId,
        audience: input.audience,
        message: input.message,
        trigger: input.trigger ?? null,
        scheduledAt: date(input.scheduledAt) ?? null,
        endsAt: date(input.endsAt) ?? null,
        attributionDays: input.attributionDays ?? DEFAULT_ATTRIBUTION_DAYS,
        createdByUserId: ctx.userId,
      })
      .returning();
    if (!created) throw new Error('campaign insert returned nothing');
    await recordAudit(tx, ctx, { action: 'campaign.created', targetType: 'campaign', targetId: created.id, metadata: { name: created.name, type: created.type } });
    return created;
  });
  return getCampaign(db, ctx, row.id);
}

// Only a draft or a scheduled campaign changes; once it has started, pause or cancel it. A
// scheduled campaign's start job is queued again for its (new) start: the old one finds it not
// due and does nothing.
export async function updateCampaign(db: Database, ctx: TenantContext, id: string, patch: CampaignUpdateInput, jobs: JobClient = getJobClient()): Promise<CampaignView> {
  requireRole(ctx, 'admin');
  await checkCampaignReferences(db, ctx, patch);
  await db.transaction(async (tx) => {
    const current = await loadCampaign(tx, ctx, id, { forUpdate: true });
    if (current.status !== 'draft' && current.status !== 'scheduled') {
      throw new AppError('conflict', `A ${current.status} campaign cannot be changed; only a draft or a scheduled one can.`);
    }
    const scheduledAt = date(patch.scheduledAt) === undefined ? current.scheduledAt : (date(patch.scheduledAt) ?? null);
    const endsAt = date(patch.endsAt) === undefined ? current.endsAt : (date(patch.endsAt) ?? null);
    if (scheduledAt && endsAt && endsAt <= scheduledAt) throw AppError.field('validation', 'endsAt', 'The end must be after the start.');
    await tx
      .update(campaigns)
      .set({
        name: patch.name,
        objective: patch.objective,
        type: patch.type,
        channelId: patch.channelId,
        audience: patch.audience,
        message: patch.message,
        trigger: patch.trigger,
        scheduledAt: date(patch.scheduledAt),
        endsAt: date(patch.endsAt),
        attributionDays: patch.attributionDays,
        updatedAt: new Date(),
      })
      .where(tenantCampaign(ctx, id));
    if (current.status === 'scheduled') {
      const due = !scheduledAt || scheduledAt <= new Date();
      if (due) await tx.update(campaigns).set({ status: 'running', launchedAt: new Date() }).where(tenantCampaign(ctx, id));
      await jobs.send(launchJob({ ...current, status: due ? 'running' : 'scheduled', scheduledAt }, undefined, new Date()), { db: tx });
    }
    const changed = Object.keys(patch).filter((k) => patch[k as keyof CampaignUpdateInput] !== undefined);
    await recordAudit(tx, ctx, { action: 'campaign.updated', targetType: 'campaign', targetId: id, metadata: { name: patch.name ?? current.name, changed } });
  });
  return getCampaign(db, ctx, id);
}

export async function deleteCampaign(db: Database, ctx: TenantContext, id: string): Promise<void> {
  requireRole(ctx, 'admin');
  await db.transaction(async (tx) => {
    const current = await loadCampaign(tx, ctx, id, { forUpdate: true });
    if (current.status !== 'draft') throw new AppError('conflict', `A ${current.status} campaign cannot be deleted; only a draft can. Cancel it instead.`);
    await tx.delete(campaigns).where(tenantCampaign(ctx, id));
    await recordAudit(tx, ctx, { action: 'campaign.deleted', targetType: 'campaign', targetId: id, metadata: { name: current.name } });
  });
}
