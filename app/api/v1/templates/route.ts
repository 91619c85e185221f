// GET /api/v1/templates — the tenant's message templates, oldest first; POST — create one (cloud: submit to Meta)
import { parseQuery, readJson } from '@/lib/api/body';
import { decodeCursor, listQuerySchema, page } from '@/lib/api/pagination';
import { withTenant } from '@/lib/api/route';
import { templateInputSchema } from '@/lib/templates/schema';
import { createTemplate, listTemplates } from '@/lib/templates/templates';

export const GET = withTenant(async ({ req, db, ctx }) => {
  const query = parseQuery(req.url, listQuerySchema);
  const rows = await listTemplates(db, ctx, { limit: query.limit + 1, after: decodeCursor(query.cursor) });
  return Response.json(page(rows, query.limit, (t) => ({ createdAt: t.createdAt, id: t.id })));
});

export const POST = withTenant(async ({ req, db, ctx }) => {
  const template = await createTemplate(db, ctx, await readJson(req, templateInputSchema));
  return Response.json(template, { status: 201 });
});
