import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jobs, memberships, tenants, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import type { JobClient } from '@/lib/jobs/client';
import { localJobClient } from '@/lib/jobs/local-driver';
import { useTestDatabase } from '@/lib/testing/database';
import { TEST_PASSWORD, auditActions, uniqueEmail } from '@/lib/testing/factories';
import { createTenantWithOwner, signupSchema } from './signup';

const test = useTestDatabase();

function signupInput(overrides: Record<string, string> = {}) {
  return signupSchema.parse({ businessName: 'Kedai Runcit Ali', name: 'Ali bin Abu', email: uniqueEmail('ali'), password: TEST_PASSWORD, ...overrides });
}

async function rowCounts() {
  const [t] = await test.db.select({ n: count() }).from(tenants);
  const [u] = await test.db.select({ n: count() }).from(users);
  const [m] = await test.db.select({ n: count() }).from(memberships);
  const [j] = await test.db.select({ n: count() }).from(jobs);
  return { tenants: t?.n, users: u?.n, memberships: m?.n, jobs: j?.n };
}

describe('createTenantWithOwner', () => {
  it('creates the tenant, its owner and queues the provisioning job', async () => {
    const email = uniqueEmail('ali.abu');
    const input = signupInput({ email: ` ${email.toUpperCase()} ` });

    const { tenant, user } = await createTenantWithOwner(test.db, input, localJobClient);

    expect(tenant.name).toBe('Kedai Runcit Ali');
    expect(tenant.slug).toMatch(/^kedai-runcit-ali-[a-z0-9]{6}$/);
    expect(user.email).toBe(email);
    expect(user.passwordHash).not.toContain(TEST_PASSWORD);
    expect(await verifyPassword(user.passwordHash, TEST_PASSWORD)).toBe(true);
    expect(await test.db.select().from(memberships).where(eq(memberships.tenantId, tenant.id))).toEqual([
      expect.objectContaining({ userId: user.id, role: 'owner' }),
    ]);
    const queued = await test.db.select().from(jobs).where(eq(jobs.tenantId, tenant.id));
    expect(queued).toEqual([expect.objectContaining({ name: 'tenant/provision', payload: { tenantId: tenant.id }, status: 'pending' })]);
    expect(await auditActions(test.db, tenant.id)).toEqual(['tenant.created']);
  });

  it('queues the job in the same transaction: if queueing fails, nothing is created', async () => {
    const down = async () => {
      throw new Error('queue down');
    };
    const failing: JobClient = { send: down, sendMany: down };
    const before = await rowCounts();
    const input = signupInput();

    await expect(createTenantWithOwner(test.db, input, failing)).rejects.toThrow('queue down');

    expect(await rowCounts()).toEqual(before);
    expect(await test.db.select().from(users).where(eq(users.email, input.email))).toHaveLength(0);
  });

  it('rejects an existing email, in any letter case, on the email field and creates nothing', async () => {
    const first = signupInput();
    await createTenantWithOwner(test.db, first, localJobClient);
    const before = await rowCounts();

    const again = signupInput({ businessName: 'Another Shop', email: first.email.toUpperCase() });
    await expect(createTenantWithOwner(test.db, again, localJobClient)).rejects.toMatchObject({
      name: 'AppError',
      code: 'conflict',
      fieldErrors: [{ field: 'email', message: expect.stringMatching(/already exists/) }],
    });

    expect(await rowCounts()).toEqual(before);
  });

  it('lets only one of two simultaneous sign-ups with the same email through', async () => {
    const email = uniqueEmail('race');

    const results = await Promise.allSettled([
      createTenantWithOwner(test.db, signupInput({ email }), localJobClient),
      createTenantWithOwner(test.db, signupInput({ email }), localJobClient),
    ]);

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'conflict' } });
    expect(await test.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });

  it('rejects a weak password in the schema, before anything is written', () => {
    const result = signupSchema.safeParse({ businessName: 'Kedai Ali', name: 'Ali', email: uniqueEmail(), password: 'password1' });

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('password');
    expect(result.error?.issues.map((i) => i.message)).toContain('Use at least 10 characters.');
  });

  it('rejects a malformed email and a missing business name beside their fields', () => {
    const result = signupSchema.safeParse({ businessName: ' ', name: 'Ali', email: 'not-an-email', password: TEST_PASSWORD });

    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['businessName', 'Enter your business name.'],
      ['email', 'Enter a valid email address.'],
    ]);
  });
});
