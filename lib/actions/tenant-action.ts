import type { z } from 'zod';
import { getDb } from '@/db';
import type { Database } from '@/db';
import type { Role } from '@/db/schema';
import { getSessionContext } from '@/lib/auth/session';
import { AppError, toAppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { type TenantContext, hasRole } from '@/lib/tenants/context';

export type ActionState<R = unknown> =
  | { ok: true; data: R; message?: string }
  | { ok: false; error: string; fieldErrors: Record<string, string>; values: Record<string, string> }
  | null;

// Echoed back on failure so a form keeps what was typed; passwords and tokens never are.
function safeValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === 'string' && !/password|token|secret/i.test(key) && !key.startsWith('$ACTION')) values[key] = value;
  }
  return values;
}

export function failure(error: unknown, formData?: FormData): ActionState<never> {
  const appError = toAppError(error);
  if (appError.code === 'internal') logger.error({ err: error instanceof Error ? error.message : String(error) }, 'server action failed');
  const fieldErrors: Record<string, string> = {};
  for (const fe of appError.fieldErrors) fieldErrors[fe.field] ??= fe.message;
  return { ok: false, error: appError.message, fieldErrors, values: formData ? safeValues(formData) : {} };
}

// The one chain for dashboard server actions: session → tenant → role → zod → lib function.
// Use with useActionState: (previousState, formData) => state.
export function tenantAction<S extends z.ZodType, R>(
  schema: S,
  run: (args: { ctx: TenantContext & { userId: string }; db: Database; input: z.infer<S> }) => Promise<R>,
  options: { minimumRole?: Role; message?: string } = {},
) {
  return async (_previous: ActionState<R>, formData: FormData): Promise<ActionState<R>> => {
    try {
      const ctx = await getSessionContext();
      if (!ctx?.userId) throw new AppError('unauthorized', 'Your session has ended. Log in again.');
      if (options.minimumRole && !hasRole(ctx, options.minimumRole)) {
        throw new AppError('forbidden', `This needs the ${options.minimumRole} role or higher.`);
      }
      const input = schema.parse(Object.fromEntries(formData));
      const data = await run({ ctx: { ...ctx, userId: ctx.userId }, db: getDb(), input });
      return { ok: true, data, message: options.message };
    } catch (error) {
      return failure(error, formData);
    }
  };
}
