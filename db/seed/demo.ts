import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { users } from '@/db/schema';
import type { JobClient } from '@/lib/jobs/client';
import { seedDemoCampaigns } from './demo-campaigns';
import { seedDemoConsent } from './demo-consent';
import { seedDemoContests } from './demo-contests';
import { seedDemoConversations } from './demo-conversations';
import { seedDemoOcr } from './demo-ocr';
import { seedDemoPurchases } from './demo-purchases';
import { seedTenant } from './tenant';

// Local demo logins only: the demo is seeded in the embedded mode, never on PostgreSQL
// unless an operator runs `npm run cli -- seed` on purpose.
export const demoLogins = {
  owner: { email: 'demo@sembang.my', name: 'Aisyah Rahman', password: 'Sembang-demo-2026' },
  agent: { email: 'agent@sembang.my', name: 'Kumar Selvam', password: 'Sembang-agent-2026' },
} as const;

export const DEMO_BUSINESS = 'Kedai Kopi Aisyah';

// Creates the demo tenant unless its owner exists, with sandbox conversations, templates,
// customers in every consent state with MyKad profiles, purchases, photos to review, campaigns
// and contests.
export async function seedDemo(db: Database, jobs?: JobClient): Promise<{ created: boolean }> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoLogins.owner.email)).limit(1);
  if (existing) return { created: false };
  const { tenant, owner, members } = await seedTenant(db, { businessName: DEMO_BUSINESS, owner: demoLogins.owner, members: [{ ...demoLogins.agent, role: 'agent' }] }, jobs);
  const ctx = { tenantId: tenant.id, tenantName: tenant.name, role: 'owner' as const, userId: owner.id, apiKeyId: null };
  await seedDemoConversations(db, ctx, members[0]?.id ?? null);
  await seedDemoPurchases(db, ctx);
  await seedDemoConsent(db, ctx);
  await seedDemoOcr(db, ctx);
  await seedDemoCampaigns(db, ctx);
  await seedDemoContests(db, ctx);
  return { created: true };
}
