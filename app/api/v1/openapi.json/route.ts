// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the zod schemas
import { publicOrigin } from '@/lib/api/ids';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { operations } from '@/lib/api/spec';
import { getEnv } from '@/lib/env';

export function GET(req: Request): Response {
  return Response.json(buildOpenApiDocument(operations, publicOrigin(req, getEnv().APP_URL)));
}
