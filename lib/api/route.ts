import { getDb } from '@/db';
import type { Database } from '@/db';
import type { Role } from '@/db/schema';
import { authenticateApiKey } from '@/lib/api-keys/api-keys';
import { getSessionContext } from '@/lib/auth/session';
import { AppError, toAppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { type TenantContext, hasRole } from '@/lib/tenants/context';
import { problemResponse } from './problem';

interface HandlerArgs<P> {
  req: Request;
  ctx: TenantContext;
  db: Database;
  params: P;
}

type RouteContext<P> = { params: Promise<P> };

// The one wrapper for tenant-scoped route handlers: a Bearer API key (REST) or the session
// (dashboard) becomes { user, tenant, role }; errors become problem+json.
export function withTenant<P = Record<string, never>>(
  handler: (args: HandlerArgs<P>) => Promise<Response>,
  options: { minimumRole?: Role; allowSession?: boolean } = {},
) {
  return async (req: Request, route: RouteContext<P>): Promise<Response> => {
    try {
      const db = getDb();
      const ctx = await resolveContext(req, db, options.allowSession ?? false);
      if (options.minimumRole && !hasRole(ctx, options.minimumRole)) {
        throw new AppError('forbidden', `This needs the ${options.minimumRole} role or higher.`);
      }
      return await handler({ req, ctx, db, params: await route.params });
    } catch (error) {
      return errorResponse(error, req);
    }
  };
}

async function resolveContext(req: Request, db: Database, allowSession: boolean): Promise<TenantContext> {
  const header = req.headers.get('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const ctx = match?.[1] ? await authenticateApiKey(db, match[1]) : null;
    if (!ctx) throw new AppError('unauthorized', 'The API key is missing, malformed or revoked.');
    return ctx;
  }
  if (allowSession) {
    const ctx = await getSessionContext();
    if (ctx) return ctx;
  }
  throw new AppError('unauthorized', 'Send your API key as `Authorization: Bearer <key>`.');
}

export function errorResponse(error: unknown, req: Request): Response {
  const appError = toAppError(error);
  if (appError.code === 'internal') {
    logger.error({ err: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error), path: new URL(req.url).pathname }, 'unhandled route error');
  }
  const headers: HeadersInit | undefined = appError.code === 'unauthorized' ? { 'www-authenticate': 'Bearer' } : undefined;
  return problemResponse(appError, headers);
}
