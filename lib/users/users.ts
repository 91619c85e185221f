import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { users } from '@/db/schema';

// Trimmed and lower-cased before the format check: phone keyboards often add a trailing space.
export const emailSchema = z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.email('Enter a valid email address.').max(254));

export async function findUserByEmail(db: Database, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return user ?? null;
}

export async function findUserById(db: Database, id: string) {
  const [user] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}
