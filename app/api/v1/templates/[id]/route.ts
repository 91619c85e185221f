// GET /api/v1/templates/:id — one template; PATCH — change a local one; DELETE — remove Sembang's copy
import { readJson } from '@/lib/api/body';
import { parseId } from '@/lib/api/ids';
import { withTenant } from '@/lib/api/route';
import { templatePatchSchema } from '@/lib/templates/schema';
import { deleteTemplate, getTemplate, updateTemplate } from '@/lib/templates/templates';

export const GET = withTenant<{ id: string }>(async ({ db, ctx, params }) => {
  return Response.json(await getTemplate(db, ctx, parseId(params.id, 'template')));
});

export const PATCH = withTenant<{ id: string }>(async ({ req, db, ctx, params }) => {
  const id = parseId(params.id, 'template');
  return Response.json(await updateTemplate(db, ctx, id, await readJson(req, templatePatchSchema)));
});

export const DELETE = withTenant<{ id: string }>(async ({ db, ctx, params }) => {
  await deleteTemplate(db, ctx, parseId(params.id, 'template'));
  return new Response(null, { status: 204 });
});
