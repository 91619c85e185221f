import { z } from 'zod';
import { AppError } from '@/lib/errors';

const uuid = z.uuid();

// A malformed id cannot name anything of the tenant's: answer 404 like any other unknown id.
export function parseId(value: string, what: string): string {
  if (!uuid.safeParse(value).success) throw new AppError('not_found', `No ${what} with that id.`);
  return value;
}

export function publicOrigin(req: Request, configured: string | undefined): string {
  return configured ? configured.replace(/\/$/, '') : new URL(req.url).origin;
}
