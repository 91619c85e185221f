// GET /api/v1/tenant — the tenant the API key belongs to
import { eq } from 'drizzle-orm';
import { tenants } from '@/db/schema';
import { withTenant } from '@/lib/api/route';

export const GET = withTenant(async ({ db, ctx }) => {
  const [tenant] = await db
    .select({ id: tenants.id, name: tenants.name, slug: tenants.slug, createdAt: tenants.createdAt })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId));
  return Response.json(tenant);
});
