import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { users } from '@/db/schema';
import { emailSchema, findUserByEmail } from '@/lib/users/users';
import { dummyPasswordHash, verifyPassword } from './password';
import { type LoginLimits, clearLoginFailures, isLoginBlocked, recordLoginFailure } from './rate-limit';

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(128),
});

export type LoginResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: 'invalid' | 'rate_limited' };

// One place for the sign-in rule: rate limit first, then a constant-time-ish password check.
export async function checkCredentials(db: Database, input: unknown, ip: string | null, limits: LoginLimits): Promise<LoginResult> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const { email, password } = parsed.data;
  if (await isLoginBlocked(db, email, ip, limits)) return { ok: false, reason: 'rate_limited' };
  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid) {
    await recordLoginFailure(db, email, ip);
    return { ok: false, reason: 'invalid' };
  }
  await clearLoginFailures(db, email);
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
