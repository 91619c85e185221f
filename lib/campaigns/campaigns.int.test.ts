import { beforeAll, describe, expect, it } from 'vitest';
import { segments, templates } from '@/db/schema';
import { useTestDatabase } from '@/lib/testing/database';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { addMember } from '@/lib/testing/factories';
import { estimateAudience } from './audience';
import { createCampaign, deleteCampaign, getCampaign, listCampaigns, updateCampaign } from './campaigns';
import { previewCampaign } from './render';
import { createCampaignChannel, createCampaignCustomers } from './test-helpers';

const t = useTestDatabase();
let two: TwoTenants;
let channelId: string;
let ids: string[];
let womenSegmentId: string;

beforeAll(async () => {
  two = await createTwoTenants(t.db);
  channelId = await createCampaignChannel(t.db, two.a, { rate: 20 });
  ids = await createCampaignCustomers(t.db, two.a, channelId, [
    { name: 'Aminah', gender: 'F', consent: 'granted', wroteHoursAgo: 2 },
    { name: 'Bala', gender: 'M', consent: 'granted' },
    { name: 'Chin', gender: 'F', consent: 'withdrawn', wroteHoursAgo: 1 },
    { name: 'Dewi', gender: 'F', consent: 'pending' },
    { name: 'Esah', gender: 'F', consent: 'granted', undeliverable: true },
    { name: 'Farah', gender: 'F', consent: 'granted', wroteHoursAgo: 30 },
  ]);
  const [segment] = await t.db.insert(segments).values({ tenantId: two.a.tenantId, name: 'Women', criteria: { filter: { field: 'gender', op: 'eq', value: 'F' } } }).returning();
  womenSegmentId = segment!.id;
});

const base = () => ({ name: 'Raya sale', type: 'marketing' as const, channelId, audience: { segmentIds: [womenSegmentId] }, message: { text: 'Hai {{first_name}}, jualan Raya!' } });

describe('campaigns', () => {
  it('creates a draft and reads it back with empty stats and the channel name', async () => {
    const view = await createCampaign(t.db, two.a, { ...base(), objective: 'Clear stock' });
    expect(view).toMatchObject({ name: 'Raya sale', objective: 'Clear stock', status: 'draft', type: 'marketing', channelId, attributionDays: 7, channelName: 'Sandbox', trigger: null });
    expect(view.stats).toEqual({ total: 0, queued: 0, sent: 0, delivered: 0, read: 0, failed: 0, skipped: 0, clicked: 0, converted: 0 });
    expect(await getCampaign(t.db, two.a, view.id)).toEqual(view);
  });

  it('refuses references that are not the tenant’s, and agents', async () => {
    const otherChannel = await createCampaignChannel(t.db, two.b);
    await expect(createCampaign(t.db, two.a, { ...base(), channelId: otherChannel })).rejects.toMatchObject({ code: 'validation', fieldErrors: [{ field: 'channelId' }] });
    await expect(createCampaign(t.db, two.a, { ...base(), audience: { segmentIds: [crypto.randomUUID()] } })).rejects.toMatchObject({ fieldErrors: [{ field: 'audience.segmentIds' }] });
    const [draft] = await t.db.insert(templates).values({ tenantId: two.a.tenantId, name: 'promo', language: 'ms', category: 'marketing', body: 'Hi {{1}}', status: 'draft' }).returning();
    await expect(createCampaign(t.db, two.a, { ...base(), message: { templateId: draft!.id, parameters: ['{{first_name}}'] } })).rejects.toMatchObject({ fieldErrors: [{ field: 'message.templateId' }] });
    const agent = await addMember(t.db, two.a, 'agent');
    await expect(createCampaign(t.db, agent, base())).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('changes and deletes only drafts; lists newest first by status', async () => {
    const a = await createCampaign(t.db, two.a, { ...base(), name: 'List A' });
    const b = await createCampaign(t.db, two.a, { ...base(), name: 'List B' });
    const changed = await updateCampaign(t.db, two.a, a.id, { name: 'List A2', endsAt: '2030-01-01T00:00:00+08:00' });
    expect(changed).toMatchObject({ name: 'List A2', endsAt: '2029-12-31T16:00:00.000Z' });
    const first = await listCampaigns(t.db, two.a, { limit: 1, status: 'draft' });
    expect(first.data.map((c) => c.id)).toEqual([b.id]);
    const second = await listCampaigns(t.db, two.a, { limit: 1, status: 'draft', cursor: first.nextCursor ?? undefined });
    expect(second.data.map((c) => c.id)).toEqual([a.id]);
    await deleteCampaign(t.db, two.a, b.id);
    await expect(getCampaign(t.db, two.a, b.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps each tenant’s campaigns to itself', async () => {
    const mine = await createCampaign(t.db, two.a, { ...base(), name: 'Mine' });
    await expect(getCampaign(t.db, two.b, mine.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateCampaign(t.db, two.b, mine.id, { name: 'Theirs' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteCampaign(t.db, two.b, mine.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listCampaigns(t.db, two.b, { limit: 100 })).data.map((c) => c.id)).not.toContain(mine.id);
  });
});

describe('estimateAudience', () => {
  it('counts who a marketing text reaches and why the others are left out', async () => {
    const estimate = await estimateAudience(t.db, two.a, { type: 'marketing', channelId, audience: { segmentIds: [womenSegmentId], customerIds: [ids[1]!] }, message: { text: 'Hi' } });
    // Aminah eligible; Bala has no window; Chin opted out; Dewi no consent; Esah undeliverable; Farah's window closed.
    expect(estimate).toEqual({ total: 6, eligible: 1, excluded: { noConsent: 1, optedOut: 1, undeliverable: 1, windowClosed: 2 } });
  });

  it('needs no window for a template, no consent for a service message, and honours exclusions', async () => {
    const [template] = await t.db.insert(templates).values({ tenantId: two.a.tenantId, name: 'promo2', language: 'ms', category: 'marketing', body: 'Hi {{1}}', status: 'approved' }).returning();
    const audience = { segmentIds: [womenSegmentId], excludeCustomerIds: [ids[5]!] };
    expect(await estimateAudience(t.db, two.a, { type: 'marketing', channelId, audience, message: { templateId: template!.id, parameters: ['x'] } })).toEqual({
      total: 4,
      eligible: 1,
      excluded: { noConsent: 1, optedOut: 1, undeliverable: 1, windowClosed: 0 },
    });
    expect(await estimateAudience(t.db, two.a, { type: 'service', channelId, audience, message: { text: 'Order ready' } })).toEqual({
      total: 4,
      eligible: 2,
      excluded: { noConsent: 0, optedOut: 0, undeliverable: 1, windowClosed: 1 },
    });
  });

  it('counts nobody of another tenant', async () => {
    expect(await estimateAudience(t.db, two.b, { type: 'service', channelId, audience: { customerIds: ids }, message: { text: 'x' } })).toMatchObject({ total: 0 });
  });
});

describe('previewCampaign', () => {
  it('renders the message for a chosen customer with the opt-out line', async () => {
    const preview = await previewCampaign(t.db, two.a, { type: 'marketing', message: { text: 'Hai {{first_name}} dari {{business_name}}' }, customerId: ids[0] });
    expect(preview.customerName).toBe('Aminah');
    expect(preview.text).toMatch(/^Hai Aminah dari Kedai Tenant A\n\nBalas STOP/);
  });
});
