import { and, asc, eq, ne } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Channel, type Template, templates } from '@/db/schema';
import { afterCursor, type Cursor } from '@/lib/api/pagination';
import { recordAudit } from '@/lib/audit';
import { loadChannel } from '@/lib/channels/channels';
import { ensureSandboxChannel } from '@/lib/channels/sandbox';
import { AppError } from '@/lib/errors';
import { type JobClient, getJobClient } from '@/lib/jobs/client';
import { requireRole } from '@/lib/members/members';
import type { TenantContext } from '@/lib/tenants/context';
import { templateParameterCount } from '@/lib/whatsapp/outbound/window';
import { type RemoteTemplateStatus, submitTemplateToMeta } from './meta';
import { type TemplateInput, type TemplatePatch, templateInputSchema, templatePatchSchema } from './schema';

// After a submission, look at Meta's verdict again this much later (it also syncs on demand).
const SYNC_AFTER_SUBMIT_MS = 60_000;

function publicTemplate(row: Template) {
  return {
    id: row.id,
    channelId: row.channelId,
    name: row.name,
    language: row.language,
    category: row.category,
    status: row.status,
    rejectionReason: row.rejectionReason,
    body: row.body,
    parameterCount: templateParameterCount(row.body),
    headerType: row.headerType,
    headerText: row.headerText,
    footer: row.footer,
    buttons: row.buttons,
    providerTemplateId: row.providerTemplateId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
export type PublicTemplate = ReturnType<typeof publicTemplate>;

const duplicate = () => AppError.field('conflict', 'name', 'This channel already has a template with this name and language.');

// The stored columns of a checked template.
function columns(t: TemplateInput) {
  const headerType = t.headerType ?? 'none';
  return {
    name: t.name,
    language: t.language,
    category: t.category,
    body: t.body,
    headerType,
    headerText: headerType === 'text' ? (t.headerText ?? null) : null,
    footer: t.footer || null,
    buttons: (t.buttons ?? []).map((b) => ({ type: 'quick_reply' as const, text: b.text })),
  };
}

async function templateChannel(db: Database, ctx: TenantContext, channelId: string | undefined): Promise<Channel> {
  const id = channelId ?? (await ensureSandboxChannel(db, ctx.tenantId)).id;
  try {
    return await loadChannel(db, ctx, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') throw AppError.field('not_found', 'channelId', 'No channel with that id.');
    throw error;
  }
}

async function loadTemplate(db: Database, ctx: Pick<TenantContext, 'tenantId'>, id: string, options: { forUpdate?: boolean } = {}): Promise<Template> {
  const query = db
    .select()
    .from(templates)
    .where(and(eq(templates.tenantId, ctx.tenantId), eq(templates.id, id)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found', 'No template with that id.');
  return row;
}

async function assertNameFree(db: Database, ctx: TenantContext, channelId: string, t: Pick<TemplateInput, 'name' | 'language'>, exceptId?: string) {
  const [taken] = await db
    .select({ id: templates.id })
    .from(templates)
    .where(
      and(
        eq(templates.tenantId, ctx.tenantId),
        eq(templates.channelId, channelId),
        eq(templates.name, t.name),
        eq(templates.language, t.language),
        exceptId ? ne(templates.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (taken) throw duplicate();
}

// Sandbox and wabot templates are local and approved on save; a cloud template is submitted
// to Meta, which reviews it (status pending until a sync brings the verdict).
export async function createTemplate(db: Database, ctx: TenantContext, input: unknown, jobs: JobClient = getJobClient()): Promise<PublicTemplate> {
  requireRole(ctx, 'admin');
  const t = templateInputSchema.parse(input);
  const channel = await templateChannel(db, ctx, t.channelId);
  await assertNameFree(db, ctx, channel.id, t);
  const remote: RemoteTemplateStatus | null = channel.type === 'cloud' ? await submitTemplateToMeta(db, ctx, channel, t) : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(templates)
      .values({
        tenantId: ctx.tenantId,
        channelId: channel.id,
        ...columns(t),
        status: remote?.status ?? 'approved',
        providerTemplateId: remote?.providerTemplateId ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw duplicate();
    await recordAudit(tx, ctx, { action: 'template.created', targetType: 'template', targetId: row.id, metadata: { name: row.name, language: row.language, channelType: channel.type } });
    if (remote?.status === 'pending') {
      const data = { tenantId: ctx.tenantId, channelId: channel.id };
      await jobs.send({ name: 'whatsapp/templates.sync', data, runAt: new Date(Date.now() + SYNC_AFTER_SUBMIT_MS), dedupeKey: `templates.sync:${row.id}` }, { db: tx });
    }
    return publicTemplate(row);
  });
}

export async function listTemplates(db: Database, ctx: TenantContext, paging: { limit: number; after?: Cursor | null } = { limit: 500 }): Promise<PublicTemplate[]> {
  const after = paging.after;
  const rows = await db
    .select()
    .from(templates)
    .where(
      and(
        eq(templates.tenantId, ctx.tenantId),
        afterCursor(templates.createdAt, templates.id, after, 'asc'),
      ),
    )
    .orderBy(asc(templates.createdAt), asc(templates.id))
    .limit(paging.limit);
  return rows.map(publicTemplate);
}

export async function getTemplate(db: Database, ctx: TenantContext, id: string): Promise<PublicTemplate> {
  return publicTemplate(await loadTemplate(db, ctx, id));
}

// What a stored template looks like as input, so a patch can be checked as a whole.
function inputOf(row: Template): TemplateInput {
  return {
    name: row.name,
    language: row.language,
    category: row.category,
    body: row.body,
    headerType: row.headerType,
    headerText: row.headerText,
    footer: row.footer,
    buttons: row.buttons,
  };
}

// Local templates change freely. Meta keeps its own copy of a cloud template: edit it in
// WhatsApp Manager and sync.
export async function updateTemplate(db: Database, ctx: TenantContext, id: string, patch: TemplatePatch): Promise<PublicTemplate> {
  requireRole(ctx, 'admin');
  const changes = templatePatchSchema.parse(patch);
  return db.transaction(async (tx) => {
    const row = await loadTemplate(tx, ctx, id, { forUpdate: true });
    if (row.providerTemplateId) {
      throw new AppError('conflict', 'This template is managed by Meta. Edit it in WhatsApp Manager, then use “Sync from Meta” to bring the change here.');
    }
    const merged = templateInputSchema.parse({ ...inputOf(row), ...changes });
    if (row.channelId) await assertNameFree(tx, ctx, row.channelId, merged, row.id);
    const [updated] = await tx
      .update(templates)
      .set({ ...columns(merged), updatedAt: new Date() })
      .where(and(eq(templates.tenantId, ctx.tenantId), eq(templates.id, row.id)))
      .returning();
    if (!updated) throw new AppError('not_found', 'No template with that id.');
    const fields = Object.entries(changes).flatMap(([field, value]) => (value !== undefined && field !== 'examples' ? [field] : []));
    await recordAudit(tx, ctx, { action: 'template.updated', targetType: 'template', targetId: row.id, metadata: { fields } });
    return publicTemplate(updated);
  });
}

// Removes Sembang's copy. A cloud template stays at Meta (and comes back with the next sync)
// until it is deleted in WhatsApp Manager too.
export async function deleteTemplate(db: Database, ctx: TenantContext, id: string): Promise<void> {
  requireRole(ctx, 'admin');
  await db.transaction(async (tx) => {
    const row = await loadTemplate(tx, ctx, id, { forUpdate: true });
    await tx.delete(templates).where(and(eq(templates.tenantId, ctx.tenantId), eq(templates.id, row.id)));
    await recordAudit(tx, ctx, { action: 'template.deleted', targetType: 'template', targetId: row.id, metadata: { name: row.name, language: row.language } });
  });
}
