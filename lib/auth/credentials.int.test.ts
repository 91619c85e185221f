import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { loginFailures, users } from '@/db/schema';
import { useTestDatabase } from '@/lib/testing/database';
import { TEST_PASSWORD, createTestUser } from '@/lib/testing/factories';
import { type LoginResult, checkCredentials } from './credentials';
import type { LoginLimits } from './rate-limit';

const test = useTestDatabase();
const limits: LoginLimits = { maxPerEmail: 5, maxPerIp: 10, windowMinutes: 15 };
let email: string;
let ip: string;

// A new user and a new client address per test, so the counts never mix.
beforeEach(async () => {
  email = (await createTestUser(test.db)).email;
  ip = `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 6)}`;
});

const login = (password: string, who: { email?: string; ip?: string | null } = {}): Promise<LoginResult> =>
  checkCredentials(test.db, { email: who.email ?? email, password }, who.ip === undefined ? ip : who.ip, limits);

async function failTimes(n: number, who: { email?: string; ip?: string | null } = {}) {
  for (let i = 0; i < n; i++) expect(await login('Wrong-password-1', who)).toEqual({ ok: false, reason: 'invalid' });
}

describe('checkCredentials', () => {
  it('signs in with the right password, in any letter case of the email, and records the login', async () => {
    const result = await login(TEST_PASSWORD, { email: `  ${email.toUpperCase()}` });

    expect(result).toMatchObject({ ok: true, user: { email } });
    const [user] = await test.db.select().from(users).where(eq(users.email, email));
    expect(user?.lastLoginAt).toBeInstanceOf(Date);
  });

  it('answers invalid for a wrong password, an unknown email and malformed input', async () => {
    expect(await login('Wrong-password-1')).toEqual({ ok: false, reason: 'invalid' });
    expect(await login(TEST_PASSWORD, { email: 'nobody@example.com' })).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkCredentials(test.db, { email: 'not-an-email', password: TEST_PASSWORD }, ip, limits)).toEqual({ ok: false, reason: 'invalid' });
    expect(await checkCredentials(test.db, null, ip, limits)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('login rate limiting', () => {
  it('blocks an email after 5 failures, even with the right password', async () => {
    await failTimes(4);
    expect(await login(TEST_PASSWORD, { ip: null })).toMatchObject({ ok: true });
    await failTimes(5, { ip: '198.51.100.1' });

    expect(await login(TEST_PASSWORD, { ip: '198.51.100.2' })).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await login(TEST_PASSWORD, { ip: null })).toEqual({ ok: false, reason: 'rate_limited' });
  });

  it('counts failures per email from different addresses', async () => {
    for (let i = 0; i < 5; i++) await failTimes(1, { ip: `198.51.100.${i}-${randomUUID()}` });

    expect(await login(TEST_PASSWORD, { ip: `198.51.100.99-${randomUUID()}` })).toEqual({ ok: false, reason: 'rate_limited' });
  });

  it('blocks an address after too many failures across different emails', async () => {
    for (let i = 0; i < limits.maxPerIp; i++) await failTimes(1, { email: `probe-${i}-${randomUUID().slice(0, 6)}@example.com` });

    expect(await login(TEST_PASSWORD)).toEqual({ ok: false, reason: 'rate_limited' });
    expect(await login(TEST_PASSWORD, { ip: '192.0.2.1' })).toMatchObject({ ok: true });
  });

  it('clears the email failures on success, but keeps the address ones', async () => {
    await failTimes(4);
    expect(await login(TEST_PASSWORD)).toMatchObject({ ok: true });

    await failTimes(4);
    expect(await login(TEST_PASSWORD)).toMatchObject({ ok: true });

    const ipRows = await test.db.select().from(loginFailures).where(eq(loginFailures.key, `ip:${ip}`));
    expect(ipRows).toHaveLength(8);
    expect(await test.db.select().from(loginFailures).where(eq(loginFailures.key, `email:${email}`))).toEqual([]);
  });

  it('forgets failures older than the window', async () => {
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    await test.db.insert(loginFailures).values(Array.from({ length: 5 }, () => ({ key: `email:${email}`, createdAt: at(16) })));
    await test.db.insert(loginFailures).values(Array.from({ length: limits.maxPerIp }, () => ({ key: `ip:${ip}`, createdAt: at(20) })));

    expect(await login(TEST_PASSWORD)).toMatchObject({ ok: true });

    await test.db.insert(loginFailures).values(Array.from({ length: 5 }, () => ({ key: `email:${email}`, createdAt: at(14) })));
    expect(await login(TEST_PASSWORD)).toEqual({ ok: false, reason: 'rate_limited' });
  });

  it('removes failures older than a day when new ones are recorded', async () => {
    await test.db.insert(loginFailures).values({ key: `email:${email}`, createdAt: new Date(Date.now() - 2 * 86_400_000) });

    await failTimes(1);

    expect(await test.db.select().from(loginFailures).where(eq(loginFailures.key, `email:${email}`))).toHaveLength(1);
  });
});
