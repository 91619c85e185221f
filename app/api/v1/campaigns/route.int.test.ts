import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '@/db/schema';
import { dispatchCampaign } from '@/lib/campaigns/dispatch';
import { startCampaign } from '@/lib/campaigns/jobs';
import { createCampaignChannel, createCampaignCustomers, fakeProvider, noWait, recordingJobs } from '@/lib/campaigns/test-helpers';
import type { CampaignView } from '@/lib/campaigns/campaigns';
import { useTestDatabase } from '@/lib/testing/database';
import { callRoute, expectProblem } from '@/lib/testing/http';
import { type ApiTenants, createApiTenants } from '@/lib/testing/isolation';
import { GET as linkRedirect } from '@/app/l/[code]/route';
import { POST as cancel } from './[id]/cancel/route';
import { POST as launch } from './[id]/launch/route';
import { POST as pause } from './[id]/pause/route';
import { GET as recipients } from './[id]/recipients/route';
import { POST as resume } from './[id]/resume/route';
import { DELETE, GET as getOne, PATCH } from './[id]/route';
import { POST as estimate } from './estimate/route';
import { POST as preview } from './preview/route';
import { GET as list, POST } from './route';

const test = useTestDatabase({ asAppDatabase: true });
let t: ApiTenants;
let channelId: string;
let customerIds: string[];

beforeAll(async () => {
  t = await createApiTenants(test.db);
  channelId = await createCampaignChannel(test.db, t.a, { rate: 50 });
  customerIds = await createCampaignCustomers(test.db, t.a, channelId, [
    { name: 'Aminah', wroteHoursAgo: 1 },
    { name: 'Bala', wroteHoursAgo: 1 },
    { name: 'Chin', wroteHoursAgo: 1, consent: 'withdrawn' },
  ]);
});

const body = (extra: object = {}) => ({ name: 'Raya', type: 'marketing', channelId, audience: { customerIds }, message: { text: 'Salam {{first_name}}! https://kedai.example/raya' }, ...extra });
const create = (json: unknown, key = t.keyA) => callRoute(POST, { method: 'POST', path: '/api/v1/campaigns', key, json });
const created = async (json: unknown = body()) => (await (await create(json)).json()) as CampaignView;
const one = (id: string, key = t.keyA) => callRoute(getOne, { path: `/api/v1/campaigns/${id}`, key, params: { id } });
const act = (handler: typeof launch, action: string, id: string, key = t.keyA) => callRoute(handler, { method: 'POST', path: `/api/v1/campaigns/${id}/${action}`, key, params: { id } });

describe('/api/v1/campaigns', () => {
  it('creates a draft, reads, lists, changes and deletes it', async () => {
    const res = await create(body({ objective: 'Raya stock' }));
    expect(res.status).toBe(201);
    const campaign = (await res.json()) as CampaignView;
    expect(campaign).toMatchObject({ name: 'Raya', objective: 'Raya stock', status: 'draft', stats: { total: 0 }, channelName: 'Sandbox' });
    expect(await (await one(campaign.id)).json()).toEqual(campaign);
    const page = (await (await callRoute(list, { path: '/api/v1/campaigns?status=draft&limit=50', key: t.keyA })).json()) as { data: CampaignView[]; nextCursor: string | null };
    expect(page.data.map((c) => c.id)).toContain(campaign.id);
    const patched = await callRoute(PATCH, { method: 'PATCH', path: `/api/v1/campaigns/${campaign.id}`, key: t.keyA, json: { name: 'Raya 2' }, params: { id: campaign.id } });
    expect(((await patched.json()) as CampaignView).name).toBe('Raya 2');
    const removed = await callRoute(DELETE, { method: 'DELETE', path: `/api/v1/campaigns/${campaign.id}`, key: t.keyA, params: { id: campaign.id } });
    expect(removed.status).toBe(204);
    await expectProblem(await one(campaign.id), 404);
  });

  it('answers 422 for bad input, naming the field', async () => {
    const problem = await expectProblem(await create(body({ name: '', message: { text: 'Hi {{nama}}' }, endsAt: 'tomorrow' })), 422);
    expect(problem.errors.map((e) => e.field)).toEqual(['name', 'message.text', 'endsAt']);
  });

  it('keeps another tenant’s campaigns out of reach: 404 on every route', async () => {
    const campaign = await created();
    await expectProblem(await one(campaign.id, t.keyB), 404);
    await expectProblem(await act(launch, 'launch', campaign.id, t.keyB), 404);
    await expectProblem(await callRoute(recipients, { path: `/api/v1/campaigns/${campaign.id}/recipients`, key: t.keyB, params: { id: campaign.id } }), 404);
    await expectProblem(await callRoute(PATCH, { method: 'PATCH', path: `/api/v1/campaigns/${campaign.id}`, key: t.keyB, json: { name: 'x' }, params: { id: campaign.id } }), 404);
    await expectProblem(await one('not-a-uuid'), 404);
    const theirs = (await (await callRoute(list, { path: '/api/v1/campaigns', key: t.keyB })).json()) as { data: CampaignView[] };
    expect(theirs.data).toEqual([]);
  });

  it('estimates and previews before launch', async () => {
    const res = await callRoute(estimate, { method: 'POST', path: '/api/v1/campaigns/estimate', key: t.keyA, json: { type: 'marketing', channelId, audience: { customerIds }, message: { text: 'Hi' } } });
    expect(await res.json()).toEqual({ total: 3, eligible: 2, excluded: { noConsent: 0, optedOut: 1, undeliverable: 0, windowClosed: 0 }, estimatedSeconds: 1 });
    const shown = await callRoute(preview, { method: 'POST', path: '/api/v1/campaigns/preview', key: t.keyA, json: { type: 'service', message: { text: 'Hi {{customer_name}}' }, customerId: customerIds[1] } });
    expect(await shown.json()).toEqual({ customerId: customerIds[1], customerName: 'Bala', text: 'Hi Bala' });
  });

  it('launches, pauses, resumes and cancels; lists recipients as JSON and CSV; tracked links redirect', async () => {
    const campaign = await created();
    const launched = (await (await act(launch, 'launch', campaign.id)).json()) as CampaignView;
    expect(launched.status).toBe('running');
    const [queued] = await test.db.select().from(jobs).where(and(eq(jobs.tenantId, t.a.tenantId), eq(jobs.name, 'campaigns/launch')));
    expect(queued?.payload).toEqual({ tenantId: t.a.tenantId, campaignId: campaign.id, origin: 'http://localhost' });
    await startCampaign(test.db, { tenantId: t.a.tenantId, campaignId: campaign.id }, recordingJobs());
    const provider = fakeProvider();
    await dispatchCampaign(test.db, { tenantId: t.a.tenantId, campaignId: campaign.id }, { provider, sleep: noWait, origin: 'http://localhost' });
    const view = (await (await one(campaign.id)).json()) as CampaignView;
    expect(view).toMatchObject({ status: 'completed', stats: { total: 3, sent: 2, skipped: 1 } });

    const page = (await (await callRoute(recipients, { path: `/api/v1/campaigns/${campaign.id}/recipients?limit=2`, key: t.keyA, params: { id: campaign.id } })).json()) as { data: { status: string }[]; nextCursor: string };
    expect(page.data).toHaveLength(2);
    const rest = (await (await callRoute(recipients, { path: `/api/v1/campaigns/${campaign.id}/recipients?limit=2&cursor=${page.nextCursor}`, key: t.keyA, params: { id: campaign.id } })).json()) as { data: unknown[]; nextCursor: null };
    expect(rest).toMatchObject({ nextCursor: null });
    expect(rest.data).toHaveLength(1);
    const csv = await callRoute(recipients, { path: `/api/v1/campaigns/${campaign.id}/recipients?format=csv`, key: t.keyA, params: { id: campaign.id } });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('customer_id,name,phone,status,reason,error_code,error_title,sent_at,delivered_at,read_at,failed_at,clicked_at,converted_at');
    expect(lines).toHaveLength(4);
    expect(lines.some((l) => l.includes(',Chin,') && l.includes(',skipped,opted_out,'))).toBe(true);

    const code = /\/l\/([A-Za-z0-9]{10})/.exec(provider.sends[0]!.text)![1]!;
    const redirect = await callRoute(linkRedirect, { path: `/l/${code}`, params: { code } });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('https://kedai.example/raya');
    expect((await callRoute(linkRedirect, { path: '/l/unknown', params: { code: 'unknown' } })).status).toBe(404);
    expect(((await (await one(campaign.id)).json()) as CampaignView).stats.clicked).toBe(1);

    const other = await created();
    await act(launch, 'launch', other.id);
    expect(((await (await act(pause, 'pause', other.id)).json()) as CampaignView).status).toBe('paused');
    expect(((await (await act(resume, 'resume', other.id)).json()) as CampaignView).status).toBe('running');
    expect(((await (await act(cancel, 'cancel', other.id)).json()) as CampaignView).status).toBe('cancelled');
    await expectProblem(await act(resume, 'resume', other.id), 409);
  });
});
