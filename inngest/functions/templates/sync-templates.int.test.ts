import { randomUUID } from 'node:crypto';
import { InngestTestEngine } from '@inngest/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setFunctionDb } from '@/inngest/database';
import { createChannel } from '@/lib/channels/channels';
import { resetEnvCache } from '@/lib/env';
import { listTemplates } from '@/lib/templates/templates';
import { useTestDatabase } from '@/lib/testing/database';
import { cloudChannelInput, createTestTenant } from '@/lib/testing/factories';
import { type FakeGraphApi, startFakeGraphApi } from '@/lib/testing/fake-graph-api';
import { syncTemplatesFunction } from './sync-templates';

const t = useTestDatabase();
let api: FakeGraphApi;

beforeAll(async () => {
  setFunctionDb(t.db);
  api = await startFakeGraphApi();
  process.env.WHATSAPP_API_ALLOWED_HOSTS = new URL(api.origin).host;
  resetEnvCache();
});
afterAll(async () => {
  setFunctionDb(undefined);
  delete process.env.WHATSAPP_API_ALLOWED_HOSTS;
  resetEnvCache();
  await api.close();
});

describe('sync-whatsapp-templates function', () => {
  it("syncs the event's channel inside a step", async () => {
    const tenant = await createTestTenant(t.db);
    const channel = await createChannel(t.db, tenant, cloudChannelInput({ apiBaseUrl: api.baseUrl }));
    api.reply({ json: { data: [{ id: '77', name: 'order_ready', language: 'ms', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'BODY', text: 'Pesanan siap.' }] }] } });
    const engine = new InngestTestEngine({ function: syncTemplatesFunction });

    const { ctx, error } = await engine.execute({ events: [{ name: 'whatsapp/templates.sync', data: { tenantId: tenant.tenantId, channelId: channel.id } }] });

    expect(error).toBeUndefined();
    expect(ctx.step.run).toHaveBeenCalledWith('sync-templates', expect.any(Function));
    expect(await listTemplates(t.db, tenant)).toEqual([expect.objectContaining({ name: 'order_ready', status: 'approved', providerTemplateId: '77' })]);
  });

  it('rejects an event whose data does not match the schema, without running the step', async () => {
    const engine = new InngestTestEngine({ function: syncTemplatesFunction });

    const { ctx, error } = await engine.execute({ events: [{ name: 'whatsapp/templates.sync', data: { tenantId: randomUUID() } }] });

    expect(error).toMatchObject({ name: 'EventValidationError' });
    expect(ctx.step.run).not.toHaveBeenCalled();
  });
});
