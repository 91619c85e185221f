import { randomUUID } from 'node:crypto';
import { InngestTestEngine } from '@inngest/test';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, media } from '@/db/schema';
import { setFunctionDb } from '@/inngest/database';
import { localJobClient } from '@/lib/jobs/local-driver';
import { runDueJobs } from '@/lib/jobs/worker';
import { useTestDatabase } from '@/lib/testing/database';
import { createTestTenant } from '@/lib/testing/factories';
import { insertPendingMedia } from '@/lib/whatsapp/media/test-helpers';
import { fetchMediaFunction } from './fetch-media';

const t = useTestDatabase();

beforeAll(() => setFunctionDb(t.db));
afterAll(() => setFunctionDb(undefined));

describe('fetch-whatsapp-media function', () => {
  it("runs fetchAndStoreMedia for the event's media inside a step", async () => {
    const tenant = await createTestTenant(t.db);
    // The sandbox channel answers without any network: it has no such media, so the row fails.
    const [channel] = await t.db.insert(channels).values({ tenantId: tenant.tenantId, type: 'sandbox', name: 'Sandbox', phoneNumberId: `sandbox-${randomUUID()}` }).returning();
    const mediaId = await insertPendingMedia(t.db, tenant.tenantId, { channelId: channel?.id });
    const engine = new InngestTestEngine({ function: fetchMediaFunction });

    const { ctx, error } = await engine.execute({ events: [{ name: 'whatsapp/media.fetch', data: { tenantId: tenant.tenantId, mediaId } }] });

    expect(error).toBeUndefined();
    expect(ctx.step.run).toHaveBeenCalledWith('fetch-and-store', expect.any(Function));
    const [row] = await t.db.select().from(media).where(eq(media.id, mediaId));
    expect(row).toMatchObject({ status: 'failed', error: 'The sandbox has no media with this id.' });
  });

  it('rejects an event whose data does not match the schema, without running the step', async () => {
    const engine = new InngestTestEngine({ function: fetchMediaFunction });

    const { ctx, error } = await engine.execute({ events: [{ name: 'whatsapp/media.fetch', data: { tenantId: randomUUID(), mediaId: 'nope' } }] });

    expect(error).toMatchObject({ name: 'EventValidationError' });
    expect(ctx.step.run).not.toHaveBeenCalled();
  });
});

describe("the 'whatsapp/media.fetch' job on the embedded worker", () => {
  it('runs the same lib function', async () => {
    const tenant = await createTestTenant(t.db);
    const [channel] = await t.db.insert(channels).values({ tenantId: tenant.tenantId, type: 'sandbox', name: 'Sandbox', phoneNumberId: `sandbox-${randomUUID()}` }).returning();
    const mediaId = await insertPendingMedia(t.db, tenant.tenantId, { channelId: channel?.id });

    await localJobClient.send({ name: 'whatsapp/media.fetch', data: { tenantId: tenant.tenantId, mediaId } }, { db: t.db });
    await runDueJobs(t.db, { limit: 50 });

    const [row] = await t.db.select().from(media).where(eq(media.id, mediaId));
    expect(row).toMatchObject({ status: 'failed', error: 'The sandbox has no media with this id.' });
  });
});
