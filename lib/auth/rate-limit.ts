import { and, count, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Database } from '@/db';
import { loginFailures } from '@/db/schema';

export interface LoginLimits {
  maxPerEmail: number;
  maxPerIp: number;
  windowMinutes: number;
}

const emailKey = (email: string) => `email:${email.toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

// Failed sign-ins inside the window, per email and per IP. State lives in the database so
// every app instance sees the same count.
export async function isLoginBlocked(db: Database, email: string, ip: string | null, limits: LoginLimits): Promise<boolean> {
  const since = new Date(Date.now() - limits.windowMinutes * 60_000);
  const failures = async (key: string) => {
    const [row] = await db
      .select({ n: count() })
      .from(loginFailures)
      .where(and(eq(loginFailures.key, key), gte(loginFailures.createdAt, since)));
    return row?.n ?? 0;
  };
  if ((await failures(emailKey(email))) >= limits.maxPerEmail) return true;
  return ip !== null && (await failures(ipKey(ip))) >= limits.maxPerIp;
}

export async function recordLoginFailure(db: Database, email: string, ip: string | null): Promise<void> {
  const keys = [emailKey(email), ...(ip ? [ipKey(ip)] : [])];
  await db.insert(loginFailures).values(keys.map((key) => ({ key })));
  // Rows older than a day can no longer block anyone.
  await db.delete(loginFailures).where(and(inArray(loginFailures.key, keys), lt(loginFailures.createdAt, new Date(Date.now() - 86_400_000))));
}

// A successful sign-in clears the email's failures; the IP's stay (one IP, many accounts).
export async function clearLoginFailures(db: Database, email: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, emailKey(email)));
}
