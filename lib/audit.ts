import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { afterCursor, type Cursor } from '@/lib/api/pagination';
import { auditLog } from '@/db/schema';
import type { TenantContext } from '@/lib/tenants/context';

export async function recordAudit(
  db: Database,
  ctx: Pick<TenantContext, 'tenantId' | 'userId' | 'apiKeyId'>,
  entry: { action: string; targetType?: string; targetId?: string; metadata?: Record<string, unknown> },
): Promise<void> {
  await db.insert(auditLog).values({
    tenantId: ctx.tenantId,
    actorUserId: ctx.userId,
    actorApiKeyId: ctx.apiKeyId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    metadata: entry.metadata ?? {},
  });
}

export async function listAudit(db: Database, ctx: Pick<TenantContext, 'tenantId'>, paging: { limit: number; after?: Cursor | null }) {
  const after = paging.after;
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tenantId, ctx.tenantId),
        afterCursor(auditLog.createdAt, auditLog.id, after, 'desc'),
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(paging.limit);
}
