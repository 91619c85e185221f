import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { users } from '@/db/schema';
import type { JobClient } from '@/lib/jobs/client';
import { seedTenant } from './tenant';

// Local demo logins only: the demo is seeded in the embedded mode, never on PostgreSQL
// unless an operator runs `npm run cli -- seed` on purpose.
export const demoLogins = {
  owner: { email: 'demo@sembang.my', name: 'Aisyah Rahman', password: 'Sembang-demo-2026' },
  agent: { email: 'agent@sembang.my', name: 'Kumar Selvam', password: 'Sembang-agent-2026' },
} as const;

export const DEMO_BUSINESS = 'Kedai Kopi Aisyah';

// Creates the demo tenant unless its owner exists. Later issues add customers, conversations,
// purchases, campaigns and contests here.
export async function seedDemo(db: Database, jobs?: JobClient): Promise<{ created: boolean }> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoLogins.owner.email)).limit(1);
  if (existing) return { created: false };
  await seedTenant(db, { businessName: DEMO_BUSINESS, owner: demoLogins.owner, members: [{ ...demoLogins.agent, role: 'agent' }] }, jobs);
  return { created: true };
}
