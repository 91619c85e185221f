import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { channels, jobs, templates } from '@/db/schema';
import { createChannel } from '@/lib/channels/channels';
import { resetEnvCache } from '@/lib/env';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, addMember, cloudChannelInput, createTestTenant } from '@/lib/testing/factories';
import { type FakeGraphApi, metaError, startFakeGraphApi } from '@/lib/testing/fake-graph-api';
import { syncTemplates } from './meta';
import { createTemplate, deleteTemplate, getTemplate, listTemplates, updateTemplate } from './templates';

const test = useTestDatabase();
let api: FakeGraphApi;
let owner: MemberContext;

const orderReady = { name: 'order_ready', language: 'ms', category: 'utility', body: 'Hai {{1}}, pesanan {{2}} sudah siap.' } as const;

beforeAll(async () => {
  api = await startFakeGraphApi();
  process.env.WHATSAPP_API_ALLOWED_HOSTS = `graph.facebook.com,${new URL(api.origin).host}`;
  resetEnvCache();
});
afterAll(async () => {
  delete process.env.WHATSAPP_API_ALLOWED_HOSTS;
  resetEnvCache();
  await api.close();
});
beforeEach(async () => {
  owner = await createTestTenant(test.db, 'Kedai Templat');
  api.requests.length = 0;
});

describe('local templates (sandbox and wabot)', () => {
  it('are approved on save, on the sandbox channel unless another is named', async () => {
    const created = await createTemplate(test.db, owner, { ...orderReady, footer: 'Kedai Kopi Aisyah', buttons: [{ text: 'Terima kasih' }] });

    expect(created).toMatchObject({ status: 'approved', parameterCount: 2, headerType: 'none', footer: 'Kedai Kopi Aisyah', buttons: [{ type: 'quick_reply', text: 'Terima kasih' }] });
    const [channel] = await test.db.select().from(channels).where(eq(channels.id, created.channelId!));
    expect(channel?.type).toBe('sandbox');
    expect((await listTemplates(test.db, owner)).map((t) => t.id)).toEqual([created.id]);
    expect(await getTemplate(test.db, owner, created.id)).toEqual(created);
    expect(api.requests).toHaveLength(0);
  });

  it('are approved on save on a wabot channel too', async () => {
    const [wabot] = await test.db.insert(channels).values({ tenantId: owner.tenantId, type: 'wabot', name: 'Gateway', apiBaseUrl: 'https://app.wabot.my/api' }).returning();
    expect(await createTemplate(test.db, owner, { ...orderReady, channelId: wabot!.id })).toMatchObject({ status: 'approved', channelId: wabot!.id });
  });

  it('refuses the same name and language twice on one channel, but not another language', async () => {
    await createTemplate(test.db, owner, orderReady);
    await expect(createTemplate(test.db, owner, orderReady)).rejects.toMatchObject({ code: 'conflict', fieldErrors: [{ field: 'name' }] });
    await expect(createTemplate(test.db, owner, { ...orderReady, language: 'en', body: 'Hi {{1}}, order {{2}} is ready.' })).resolves.toMatchObject({ status: 'approved' });
  });

  it('checks the body parameters', async () => {
    await expect(createTemplate(test.db, owner, { ...orderReady, body: 'Hai {{1}}, pesanan {{3}} siap.' })).rejects.toMatchObject({ name: 'ZodError' });
  });

  it('change and go away; every change is audited', async () => {
    const created = await createTemplate(test.db, owner, orderReady);
    const updated = await updateTemplate(test.db, owner, created.id, { body: 'Salam {{1}}, pesanan {{2}} boleh diambil.', headerType: 'text', headerText: 'Pesanan siap' });
    expect(updated).toMatchObject({ name: 'order_ready', body: 'Salam {{1}}, pesanan {{2}} boleh diambil.', headerText: 'Pesanan siap', status: 'approved' });
    await expect(updateTemplate(test.db, owner, created.id, { body: '{{1}} siap' })).rejects.toMatchObject({ name: 'ZodError' });

    await deleteTemplate(test.db, owner, created.id);
    await expect(getTemplate(test.db, owner, created.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('are managed by admins; agents may only read them', async () => {
    const created = await createTemplate(test.db, owner, orderReady);
    const agent = await addMember(test.db, owner, 'agent');
    expect((await listTemplates(test.db, agent)).map((t) => t.id)).toEqual([created.id]);
    await expect(createTemplate(test.db, agent, { ...orderReady, name: 'other' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(updateTemplate(test.db, agent, created.id, { footer: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deleteTemplate(test.db, agent, created.id)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('cloud templates', () => {
  async function cloudChannel() {
    const input = cloudChannelInput({ apiBaseUrl: api.baseUrl });
    return { channel: await createChannel(test.db, owner, input), input };
  }

  it("are submitted to the WABA's message_templates and wait for Meta's review", async () => {
    const { channel, input } = await cloudChannel();
    api.reply({ json: { id: '594425479261596', status: 'PENDING', category: 'UTILITY' } });

    const created = await createTemplate(test.db, owner, { ...orderReady, channelId: channel.id, examples: ['Aisyah', 'A-17'], buttons: [{ text: 'Terima kasih' }] });

    expect(created).toMatchObject({ status: 'pending', providerTemplateId: '594425479261596' });
    const [request] = api.requests;
    expect(request).toMatchObject({ method: 'POST', path: `/v26.0/${input.wabaId}/message_templates` });
    expect(request?.headers.authorization).toBe(`Bearer ${input.accessToken}`);
    expect(request?.json).toEqual({
      name: 'order_ready',
      language: 'ms',
      category: 'UTILITY',
      components: [
        { type: 'BODY', text: orderReady.body, example: { body_text: [['Aisyah', 'A-17']] } },
        { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Terima kasih' }] },
      ],
    });
    const [job] = await test.db.select().from(jobs).where(and(eq(jobs.tenantId, owner.tenantId), eq(jobs.name, 'whatsapp/templates.sync')));
    expect(job?.payload).toEqual({ tenantId: owner.tenantId, channelId: channel.id });
    expect(job!.runAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
  });

  it("store nothing when Meta refuses, and say why in Meta's words", async () => {
    const { channel } = await cloudChannel();
    api.reply(metaError(100, { title: 'Invalid parameter', details: 'Template name already exists in this language' }));

    await expect(createTemplate(test.db, owner, { ...orderReady, channelId: channel.id, examples: ['a', 'b'] })).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('Template name already exists'),
    });
    expect(await test.db.$count(templates, eq(templates.tenantId, owner.tenantId))).toBe(0);
  });

  it('need example values, and no media header or authentication category, before anything is sent', async () => {
    const { channel } = await cloudChannel();
    const on = { ...orderReady, channelId: channel.id };
    await expect(createTemplate(test.db, owner, on)).rejects.toMatchObject({ fieldErrors: [{ field: 'examples' }] });
    await expect(createTemplate(test.db, owner, { ...on, examples: ['a', 'b'], headerType: 'image' })).rejects.toMatchObject({ fieldErrors: [{ field: 'headerType' }] });
    await expect(createTemplate(test.db, owner, { ...on, examples: ['a', 'b'], category: 'authentication' })).rejects.toMatchObject({ fieldErrors: [{ field: 'category' }] });
    expect(api.requests).toHaveLength(0);
  });

  it("sync brings Meta's verdicts, rejection reasons and templates made in WhatsApp Manager", async () => {
    const { channel, input } = await cloudChannel();
    api.reply({ json: { id: '1001', status: 'PENDING', category: 'UTILITY' } });
    const mine = await createTemplate(test.db, owner, { ...orderReady, channelId: channel.id, examples: ['a', 'b'] });
    api.reply({
      json: {
        data: [
          { id: '1001', name: 'order_ready', language: 'ms', status: 'REJECTED', category: 'UTILITY', rejected_reason: 'INVALID_FORMAT', components: [{ type: 'BODY', text: orderReady.body }] },
          {
            id: '1002',
            name: 'raya_promo',
            language: 'en',
            status: 'APPROVED',
            category: 'MARKETING',
            rejected_reason: 'NONE',
            components: [
              { type: 'HEADER', format: 'TEXT', text: 'Raya sale' },
              { type: 'BODY', text: 'Hi {{1}}, 20% off this week.' },
              { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop promotions' }] },
            ],
          },
          { id: '1003', name: 'hello_world', language: 'en_US', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hello World' }] },
        ],
        paging: { cursors: { before: 'a', after: 'b' } },
      },
    });

    expect(await syncTemplates(test.db, owner, channel.id)).toEqual({ created: 1, updated: 1, skipped: 1 });

    expect(api.requests.at(-1)).toMatchObject({ method: 'GET', path: `/v26.0/${input.wabaId}/message_templates` });
    expect(await getTemplate(test.db, owner, mine.id)).toMatchObject({ status: 'rejected', rejectionReason: 'INVALID_FORMAT' });
    const promo = (await listTemplates(test.db, owner)).find((t) => t.name === 'raya_promo');
    expect(promo).toMatchObject({ status: 'approved', language: 'en', category: 'marketing', headerType: 'text', headerText: 'Raya sale', buttons: [{ type: 'quick_reply', text: 'Stop promotions' }], providerTemplateId: '1002', rejectionReason: null });
    await expect(updateTemplate(test.db, owner, mine.id, { footer: 'x' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('sync is only for cloud channels, and says so when Meta cannot be reached', async () => {
    const sandbox = await createTemplate(test.db, owner, orderReady);
    await expect(syncTemplates(test.db, owner, sandbox.channelId!)).rejects.toMatchObject({ code: 'conflict' });
    const { channel } = await cloudChannel();
    api.reply(...Array.from({ length: 5 }, () => metaError(1, { status: 500, title: 'Service temporarily unavailable' })));
    await expect(syncTemplates(test.db, owner, channel.id)).rejects.toMatchObject({ code: 'bad_gateway' });
  });
});

describe('tenant isolation', () => {
  it("another tenant can neither see nor change the template, nor sync the channel", async () => {
    const other = await createTestTenant(test.db, 'Kedai Lain');
    const created = await createTemplate(test.db, owner, orderReady);
    const { id: cloudId } = await createChannel(test.db, owner, cloudChannelInput({ apiBaseUrl: api.baseUrl }));

    expect((await listTemplates(test.db, other)).map((t) => t.id)).not.toContain(created.id);
    await expect(getTemplate(test.db, other, created.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateTemplate(test.db, other, created.id, { footer: 'hacked' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteTemplate(test.db, other, created.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(createTemplate(test.db, other, { ...orderReady, channelId: cloudId })).rejects.toMatchObject({ code: 'not_found' });
    await expect(syncTemplates(test.db, other, cloudId)).rejects.toMatchObject({ code: 'not_found' });
    expect(await getTemplate(test.db, owner, created.id)).toMatchObject({ footer: null });
    expect(api.requests).toHaveLength(0);
  });
});
