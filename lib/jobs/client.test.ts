import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inngest } from '@/inngest/client';
import { resetEnvCache } from '@/lib/env';
import { getJobClient } from './client';
import { inngestJobClient } from './inngest-driver';
import { localJobClient } from './local-driver';

const saved = { ...process.env };

beforeEach(() => {
  // Set so getEnv() does not generate secrets into .env.local.
  process.env.AUTH_SECRET = randomBytes(32).toString('base64');
  process.env.ENCRYPTION_KEY = randomBytes(32).toString('base64');
  delete process.env.DATABASE_URL;
  delete process.env.INNGEST_DEV;
  delete process.env.INNGEST_EVENT_KEY;
  delete process.env.INNGEST_SIGNING_KEY;
  resetEnvCache();
});
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
  vi.restoreAllMocks();
});

describe('getJobClient', () => {
  it('uses the jobs table when Inngest is not configured', () => {
    expect(getJobClient()).toBe(localJobClient);
  });

  it('uses Inngest when it is configured', () => {
    process.env.INNGEST_EVENT_KEY = 'event-key';
    process.env.INNGEST_SIGNING_KEY = 'signkey-test-abc';
    expect(getJobClient()).toBe(inngestJobClient);
  });
});

describe('inngestJobClient', () => {
  it('maps runAt to ts and dedupeKey to the event id', async () => {
    const send = vi.spyOn(inngest, 'send').mockResolvedValue({ ids: ['1'] });
    const tenantId = randomUUID();
    const runAt = new Date('2030-01-01T00:00:00Z');

    await inngestJobClient.send({ name: 'tenant/provision', data: { tenantId }, runAt, dedupeKey: `provision:${tenantId}` });

    expect(send).toHaveBeenCalledWith({ name: 'tenant/provision', data: { tenantId }, ts: runAt.getTime(), id: `provision:${tenantId}` });
  });

  it('validates the payload before sending', async () => {
    const send = vi.spyOn(inngest, 'send').mockResolvedValue({ ids: [] });
    await expect(inngestJobClient.send({ name: 'tenant/provision', data: { tenantId: 'nope' } })).rejects.toThrow();
    expect(send).not.toHaveBeenCalled();
  });
});
