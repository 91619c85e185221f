import { and, eq, inArray } from 'drizzle-orm';
import type { BuilderChannel, BuilderSegment, BuilderTemplate } from '@/components/campaigns/builder-types';
import type { DraftMedia, PickedCustomer } from '@/components/campaigns/campaign-draft';
import type { Database } from '@/db';
import { type CampaignMessage, customers, media } from '@/db/schema';
import { listChannels } from '@/lib/channels/channels';
import { ensureSandboxChannel } from '@/lib/channels/sandbox';
import { listSegments } from '@/lib/segments/segments';
import { listTemplates } from '@/lib/templates/templates';
import type { TenantContext } from '@/lib/tenants/context';

// What the builder offers to choose from: the tenant's numbers, segments and approved templates.
// A tenant just signed up may not have its sandbox number yet (provisioning runs as a job): it
// is made here, as provisioning would.
export async function loadBuilderChoices(db: Database, ctx: TenantContext): Promise<{ channels: BuilderChannel[]; segments: BuilderSegment[]; templates: BuilderTemplate[] }> {
  if ((await listChannels(db, ctx, { limit: 1 })).length === 0) await ensureSandboxChannel(db, ctx.tenantId);
  const [channels, segments, templates] = await Promise.all([listChannels(db, ctx), listSegments(db, ctx, { limit: 500 }), listTemplates(db, ctx)]);
  return {
    channels: channels.map((c) => ({ id: c.id, name: c.name, sendRatePerSecond: c.sendRatePerSecond })),
    segments: segments.map((s) => ({ id: s.id, name: s.name })),
    templates: templates
      .filter((t) => t.status === 'approved')
      .map((t) => ({ id: t.id, channelId: t.channelId, name: t.name, language: t.language, category: t.category, body: t.body, parameterCount: t.parameterCount })),
  };
}

// Names of the customers a saved draft picked or left out, for its chips.
export async function pickedCustomers(db: Database, ctx: TenantContext, ids: string[]): Promise<Map<string, PickedCustomer>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: customers.id, name: customers.name, phone: customers.phone })
    .from(customers)
    .where(and(eq(customers.tenantId, ctx.tenantId), inArray(customers.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

// The stored image or video a saved draft's message carries, for its preview in the builder.
export async function draftMediaFile(db: Database, ctx: TenantContext, message: CampaignMessage): Promise<DraftMedia | null> {
  if (!('text' in message) || !message.mediaId) return null;
  const [row] = await db
    .select({ id: media.id, mimeType: media.mimeType, fileName: media.fileName, sizeBytes: media.sizeBytes })
    .from(media)
    .where(and(eq(media.tenantId, ctx.tenantId), eq(media.id, message.mediaId), eq(media.status, 'stored')))
    .limit(1);
  return row?.mimeType ? { ...row, mimeType: row.mimeType } : null;
}
