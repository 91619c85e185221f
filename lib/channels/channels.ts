import { and, asc, eq, ne, or } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Channel, channels } from '@/db/schema';
import { afterCursor, type Cursor } from '@/lib/api/pagination';
import { recordAudit } from '@/lib/audit';
import { encrypt, sha256 } from '@/lib/crypto';
import { isUniqueViolation } from '@/lib/database-errors';
import { getEnv } from '@/lib/env';
import { AppError, type FieldError } from '@/lib/errors';
import { requireRole } from '@/lib/members/members';
import type { TenantContext } from '@/lib/tenants/context';
import { DEFAULT_GRAPH_API_BASE_URL, assertAllowedHost } from '@/lib/whatsapp/providers';
import { type ChannelCreateInput, type ChannelUpdateInput, updatableFields } from './input';
import { forgetWebhookChannel } from './webhook-lookup';

// What the API and the dashboard may see of a channel: never a token or secret, only
// whether one is set.
function publicChannel(row: Channel) {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    phoneNumberId: row.phoneNumberId,
    wabaId: row.wabaId,
    displayPhoneNumber: row.displayPhoneNumber,
    apiBaseUrl: row.apiBaseUrl,
    sendRatePerSecond: row.sendRatePerSecond,
    messagingLimit: row.messagingLimit,
    verifiedName: row.verifiedName,
    qualityRating: row.qualityRating,
    lastCheckedAt: row.lastCheckedAt,
    createdAt: row.createdAt,
    hasAccessToken: row.accessTokenEnc !== null,
    hasAppSecret: row.appSecretEnc !== null,
  };
}
export type PublicChannel = ReturnType<typeof publicChannel>;

const seal = (plaintext: string) => encrypt(plaintext, getEnv().ENCRYPTION_KEY);

// Only hosts on WHATSAPP_API_ALLOWED_HOSTS, so a tenant cannot aim the server's requests at
// internal addresses; a 422 on the apiBaseUrl field otherwise.
function checkedApiBaseUrl(url: string): string {
  assertAllowedHost(url, getEnv().WHATSAPP_API_ALLOWED_HOSTS);
  return url.replace(/\/+$/, '');
}

const duplicateNumber = () => AppError.field('conflict', 'phoneNumberId', 'This phone number ID is already connected to Sembang.');

export async function createChannel(db: Database, ctx: TenantContext, input: ChannelCreateInput): Promise<PublicChannel> {
  requireRole(ctx, 'admin');
  const values =
    input.type === 'cloud'
      ? {
          phoneNumberId: input.phoneNumberId,
          wabaId: input.wabaId,
          apiBaseUrl: checkedApiBaseUrl(input.apiBaseUrl ?? DEFAULT_GRAPH_API_BASE_URL),
          accessTokenEnc: seal(input.accessToken),
          appSecretEnc: seal(input.appSecret),
          verifyTokenHash: sha256(input.verifyToken),
          sendRatePerSecond: input.sendRatePerSecond,
          messagingLimit: input.messagingLimit,
        }
      : { apiBaseUrl: checkedApiBaseUrl(input.apiBaseUrl), wabotInstanceId: input.instanceId, accessTokenEnc: seal(input.accessToken) };
  return db.transaction(async (tx) => {
    // Phone number ids are unique across tenants: a webhook must route to exactly one channel.
    const [row] = await tx
      .insert(channels)
      .values({ tenantId: ctx.tenantId, type: input.type, name: input.name, ...values })
      .onConflictDoNothing({ target: channels.phoneNumberId })
      .returning();
    if (!row) throw duplicateNumber();
    await recordAudit(tx, ctx, { action: 'channel.created', targetType: 'channel', targetId: row.id, metadata: { type: row.type, name: row.name } });
    return publicChannel(row);
  });
}

export async function listChannels(db: Database, ctx: TenantContext, paging: { limit: number; after?: Cursor | null } = { limit: 500 }): Promise<PublicChannel[]> {
  const after = paging.after;
  const rows = await db
    .select()
    .from(channels)
    .where(
      and(
        eq(channels.tenantId, ctx.tenantId),
        afterCursor(channels.createdAt, channels.id, after, 'asc'),
      ),
    )
    .orderBy(asc(channels.createdAt), asc(channels.id))
    .limit(paging.limit);
  return rows.map(publicChannel);
}

// The full row, secrets still sealed, for lib code only.
export async function loadChannel(db: Database, ctx: Pick<TenantContext, 'tenantId'>, id: string, options: { forUpdate?: boolean } = {}): Promise<Channel> {
  const query = db
    .select()
    .from(channels)
    .where(and(eq(channels.tenantId, ctx.tenantId), eq(channels.id, id)))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found', 'No channel with that id.');
  return row;
}

export async function getChannel(db: Database, ctx: TenantContext, id: string): Promise<PublicChannel> {
  return publicChannel(await loadChannel(db, ctx, id));
}

function rejectForeignFields(row: Channel, input: ChannelUpdateInput): void {
  const errors: FieldError[] = [];
  if (input.type !== undefined && input.type !== row.type) {
    errors.push({ field: 'type', message: `A channel's type cannot change. Add a new ${input.type} channel instead.` });
  }
  const allowed: readonly string[] = updatableFields[row.type];
  for (const [field, value] of Object.entries(input)) {
    if (field !== 'type' && value !== undefined && !allowed.includes(field)) errors.push({ field, message: `Does not apply to a ${row.type} channel.` });
  }
  if (errors.length > 0) throw new AppError('validation', 'The request has invalid fields.', errors);
}

// What changes on the row; secrets only when given. New credentials make the last
// connection check meaningless, so its result is cleared.
function changes(row: Channel, input: ChannelUpdateInput): Partial<typeof channels.$inferInsert> {
  const set: Partial<typeof channels.$inferInsert> = {
    name: input.name,
    phoneNumberId: input.phoneNumberId,
    wabaId: input.wabaId,
    apiBaseUrl: input.apiBaseUrl === undefined ? undefined : checkedApiBaseUrl(input.apiBaseUrl),
    accessTokenEnc: input.accessToken === undefined ? undefined : seal(input.accessToken),
    appSecretEnc: input.appSecret === undefined ? undefined : seal(input.appSecret),
    verifyTokenHash: input.verifyToken === undefined ? undefined : sha256(input.verifyToken),
    sendRatePerSecond: input.sendRatePerSecond,
    messagingLimit: input.messagingLimit,
    wabotInstanceId: input.instanceId,
  };
  const reconnected =
    (input.phoneNumberId !== undefined && input.phoneNumberId !== row.phoneNumberId) ||
    (set.apiBaseUrl !== undefined && set.apiBaseUrl !== row.apiBaseUrl) ||
    (input.instanceId !== undefined && input.instanceId !== row.wabotInstanceId) ||
    input.accessToken !== undefined;
  return reconnected ? { ...set, verifiedName: null, qualityRating: null, displayPhoneNumber: null, lastCheckedAt: null } : set;
}

export async function updateChannel(db: Database, ctx: TenantContext, id: string, input: ChannelUpdateInput): Promise<PublicChannel> {
  requireRole(ctx, 'admin');
  try {
    return await db.transaction(async (tx) => {
      const row = await loadChannel(tx, ctx, id, { forUpdate: true });
      rejectForeignFields(row, input);
      if (input.phoneNumberId !== undefined && input.phoneNumberId !== row.phoneNumberId) {
        const [taken] = await tx
          .select({ id: channels.id })
          .from(channels)
          .where(and(eq(channels.phoneNumberId, input.phoneNumberId), ne(channels.id, row.id)))
          .limit(1);
        if (taken) throw duplicateNumber();
      }
      const [updated] = await tx
        .update(channels)
        .set({ ...changes(row, input), updatedAt: new Date() })
        .where(and(eq(channels.tenantId, ctx.tenantId), eq(channels.id, row.id)))
        .returning();
      if (!updated) throw new AppError('not_found', 'No channel with that id.');
      const fields = Object.entries(input).flatMap(([field, value]) => (field !== 'type' && value !== undefined ? [field] : []));
      await recordAudit(tx, ctx, { action: 'channel.updated', targetType: 'channel', targetId: row.id, metadata: { fields } });
      forgetWebhookChannel(row.phoneNumberId);
      return publicChannel(updated);
    });
  } catch (error) {
    // Another tenant took the number between the check and the update.
    if (isUniqueViolation(error)) throw duplicateNumber();
    throw error;
  }
}

// Deleting a channel deletes its conversations and messages (foreign keys cascade). The
// sandbox stays: every tenant has one for the simulator.
export async function deleteChannel(db: Database, ctx: TenantContext, id: string): Promise<void> {
  requireRole(ctx, 'admin');
  await db.transaction(async (tx) => {
    const row = await loadChannel(tx, ctx, id, { forUpdate: true });
    if (row.type === 'sandbox') throw new AppError('conflict', 'The sandbox channel cannot be deleted; the customer simulator uses it.');
    await tx.delete(channels).where(and(eq(channels.tenantId, ctx.tenantId), eq(channels.id, row.id)));
    await recordAudit(tx, ctx, { action: 'channel.deleted', targetType: 'channel', targetId: row.id, metadata: { type: row.type, name: row.name } });
    forgetWebhookChannel(row.phoneNumberId);
  });
}
