import { randomInt, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { auditLog } from '@/db/schema';
import { createApiKey, listApiKeys } from '@/lib/api-keys/api-keys';
import { listAudit, recordAudit } from '@/lib/audit';
import { createCampaign, getCampaign, listCampaigns } from '@/lib/campaigns/campaigns';
import { getContest, listContests } from '@/lib/contests/contests';
import { createEntry, listEntries } from '@/lib/contests/entries';
import { createTestContest } from '@/lib/contests/test-helpers';
import { createChannel, getChannel, listChannels } from '@/lib/channels/channels';
import { changeConsent, consentHistoryPage } from '@/lib/consent/manual';
import { getCustomer } from '@/lib/customers/customers';
import { listOpenCustomerFlags } from '@/lib/customers/flags';
import { listCustomers } from '@/lib/customers/list';
import { customerListQuerySchema } from '@/lib/customers/list-query';
import { listCustomerMessages } from '@/lib/customers/messages';
import { setCustomerIc } from '@/lib/customers/profile';
import { getConversation, listConversations } from '@/lib/inbox/conversations';
import { acceptInvitation, createInvitation, listOpenInvitations } from '@/lib/members/invitations';
import { createBreach, getBreach, listBreaches } from '@/lib/pdpa/breaches';
import { createDataRequest, getDataRequest, listDataRequests } from '@/lib/pdpa/requests';
import { getMember, listMembers } from '@/lib/members/members';
import { todayInMalaysia } from '@/lib/mykad';
import { getOcrJob, listOcrJobs, ocrJobListQuerySchema } from '@/lib/ocr-jobs/list';
import { submitOcrFile } from '@/lib/ocr-jobs/submit';
import { getPurchase, listCustomerPurchases } from '@/lib/purchases/list';
import { recordPurchase } from '@/lib/purchases/record';
import { segmentCriteriaSchema } from '@/lib/segments/filter-schema';
import { createSegment, getSegment, listSegments } from '@/lib/segments/segments';
import { createTemplate, getTemplate, listTemplates } from '@/lib/templates/templates';
import type { TenantContext } from '@/lib/tenants/context';
import { type MemberContext, TEST_PASSWORD, addTestMessage, cloudChannelInput, createTestChannel, createTestConversation, createTestTenant, uniqueEmail } from './factories';

export interface TwoTenants {
  a: MemberContext;
  b: MemberContext;
  ownerA: string;
  ownerB: string;
}

// Two unrelated tenants, each acting as its owner.
export async function createTwoTenants(db: Database): Promise<TwoTenants> {
  const a = await createTestTenant(db, 'Kedai Tenant A');
  const b = await createTestTenant(db, 'Kedai Tenant B');
  return { a, b, ownerA: a.userId, ownerB: b.userId };
}

export type ApiTenants = TwoTenants & { keyA: string; keyB: string };

// Two tenants, each with an API key, for calling the REST API as either.
export async function createApiTenants(db: Database): Promise<ApiTenants> {
  const tenants = await createTwoTenants(db);
  const key = async (ctx: TenantContext) => (await createApiKey(db, ctx, { name: 'Test client' })).secret;
  return { ...tenants, keyA: await key(tenants.a), keyB: await key(tenants.b) };
}

// One tenant-owned resource, seen only through the tenant-scoped lib functions.
export interface ResourceProbe {
  name: string;
  create(db: Database, ctx: TenantContext): Promise<string>;
  list(db: Database, ctx: TenantContext): Promise<string[]>;
  // Must throw AppError('not_found') for another tenant's id. Omitted where the lib has no
  // single-get function; then only the list check applies.
  get?(db: Database, ctx: TenantContext, id: string): Promise<unknown>;
}

// Past the API's page size: every customer a test made.
const allCustomers = () => ({ ...customerListQuerySchema.parse({}), limit: 1000 });

// Every tenant-owned resource. Each later issue appends its own probes here, and
// isolation.int.test.ts proves them on both databases.
export const resourceProbes: ResourceProbe[] = [
  {
    name: 'members',
    async create(db, ctx) {
      const { token } = await createInvitation(db, ctx, { email: uniqueEmail('probe'), role: 'agent' });
      return (await acceptInvitation(db, token, { name: 'Probe Member', password: TEST_PASSWORD })).userId;
    },
    list: async (db, ctx) => (await listMembers(db, ctx)).map((m) => m.userId),
    get: (db, ctx, id) => getMember(db, ctx, id),
  },
  {
    name: 'invitations',
    create: async (db, ctx) => (await createInvitation(db, ctx, { email: uniqueEmail('invitee'), role: 'agent' })).invitation.id,
    list: async (db, ctx) => (await listOpenInvitations(db, ctx)).map((i) => i.id),
  },
  {
    name: 'api keys',
    create: async (db, ctx) => (await createApiKey(db, ctx, { name: 'Probe key' })).apiKey.id,
    list: async (db, ctx) => (await listApiKeys(db, ctx)).map((k) => k.id),
  },
  {
    name: 'audit log entries',
    async create(db, ctx) {
      // recordAudit returns nothing; a unique target id finds the row it wrote.
      const marker = randomUUID();
      await recordAudit(db, ctx, { action: 'isolation.probe', targetType: 'probe', targetId: marker });
      const [row] = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.targetId, marker));
      if (!row) throw new Error('audit entry not written');
      return row.id;
    },
    list: async (db, ctx) => (await listAudit(db, ctx, { limit: 1000 })).map((e) => e.id),
  },
  {
    name: 'channels',
    create: async (db, ctx) => (await createChannel(db, ctx, cloudChannelInput())).id,
    list: async (db, ctx) => (await listChannels(db, ctx)).map((c) => c.id),
    get: (db, ctx, id) => getChannel(db, ctx, id),
  },
  {
    name: 'customers',
    create: async (db, ctx) => (await createTestConversation(db, ctx)).customerId,
    list: async (db, ctx) => (await listCustomers(db, ctx, allCustomers())).rows.map((c) => c.id),
    get: (db, ctx, id) => getCustomer(db, ctx, id),
  },
  {
    name: 'conversations',
    create: async (db, ctx) => (await createTestConversation(db, ctx)).conversationId,
    list: async (db, ctx) => (await listConversations(db, ctx, { filter: 'all', limit: 1000 })).map((c) => c.id),
    get: (db, ctx, id) => getConversation(db, ctx, id),
  },
  {
    name: 'messages',
    create: async (db, ctx) => (await addTestMessage(db, ctx, await createTestConversation(db, ctx), { direction: 'inbound' })).id,
    async list(db, ctx) {
      const customers = (await listCustomers(db, ctx, allCustomers())).rows;
      const pages = await Promise.all(customers.map((c) => listCustomerMessages(db, ctx, c.id, { limit: 1000 })));
      return pages.flat().map((m) => m.id);
    },
  },
  {
    name: 'templates',
    create: async (db, ctx) => (await createTemplate(db, ctx, { name: `probe_${randomUUID().slice(0, 8)}`, language: 'ms', category: 'utility', body: 'Hai {{1}}, apa khabar?' })).id,
    list: async (db, ctx) => (await listTemplates(db, ctx)).map((t) => t.id),
    get: (db, ctx, id) => getTemplate(db, ctx, id),
  },
  {
    name: 'data-subject requests',
    create: async (db, ctx) => (await createDataRequest(db, ctx, { kind: 'access', subjectLabel: 'Probe subject' })).id,
    list: async (db, ctx) => (await listDataRequests(db, ctx, { limit: 1000 })).map((r) => r.id),
    get: (db, ctx, id) => getDataRequest(db, ctx, id),
  },
  {
    name: 'breaches',
    create: async (db, ctx) => (await createBreach(db, ctx, { title: 'Probe breach', description: 'Probe', dataKinds: ['other'], discoveredAt: new Date().toISOString() })).id,
    list: async (db, ctx) => (await listBreaches(db, ctx, { limit: 1000 })).map((b) => b.id),
    get: (db, ctx, id) => getBreach(db, ctx, id),
  },
  {
    name: 'customer flags',
    async create(db, ctx) {
      // Two customers giving the same (valid) IC number: the second claim is flagged.
      const icNumber = `900101-14-${randomInt(1000, 9999)}`;
      for (const customerId of [(await createTestConversation(db, ctx)).customerId, (await createTestConversation(db, ctx)).customerId]) {
        const result = await setCustomerIc(db, { tenantId: ctx.tenantId, customerId }, icNumber);
        if (result.outcome === 'duplicate') return result.flagId;
      }
      throw new Error('the second claim of an IC number was not flagged');
    },
    async list(db, ctx) {
      const customers = (await listCustomers(db, ctx, allCustomers())).rows;
      const flags = await Promise.all(customers.map((c) => listOpenCustomerFlags(db, ctx, c.id)));
      return [...new Set(flags.flat().map((f) => f.id))];
    },
  },
  {
    name: 'consent events',
    async create(db, ctx) {
      const { customerId } = await createTestConversation(db, ctx);
      return (await changeConsent(db, ctx, customerId, { status: 'granted', reason: 'Probe: signed the paper form' })).id;
    },
    async list(db, ctx) {
      const customers = (await listCustomers(db, ctx, allCustomers())).rows;
      const pages = await Promise.all(customers.map((c) => consentHistoryPage(db, ctx, c.id, { limit: 1000 })));
      return pages.flatMap((p) => p.data).map((e) => e.id);
    },
  },
  {
    name: 'purchases',
    async create(db, ctx) {
      const { customerId } = await createTestConversation(db, ctx);
      const result = await recordPurchase(db, ctx, { customerId, date: todayInMalaysia(), total: '12.30', receiptNumber: `PROBE-${randomUUID()}` });
      if (!result.ok) throw new Error('probe purchase was a duplicate');
      return result.purchase.id;
    },
    async list(db, ctx) {
      const customers = (await listCustomers(db, ctx, allCustomers())).rows;
      const pages = await Promise.all(customers.map((c) => listCustomerPurchases(db, ctx, c.id, { limit: 1000 })));
      return pages.flat().map((p) => p.id);
    },
    get: (db, ctx, id) => getPurchase(db, ctx, id),
  },
  {
    name: 'ocr jobs',
    // A file OCR turns away at once is still a job of the tenant's (failed, with its reason).
    create: async (db, ctx) => (await submitOcrFile(db, ctx, { bytes: Buffer.from(`probe ${randomUUID()}`), fileName: 'probe.txt', declaredType: 'text/plain' })).id,
    list: async (db, ctx) => (await listOcrJobs(db, ctx, ocrJobListQuerySchema.parse({ limit: 200 }))).data.map((j) => j.id),
    get: (db, ctx, id) => getOcrJob(db, ctx, id),
  },
  {
    name: 'segments',
    create: async (db, ctx) =>
      (await createSegment(db, ctx, { name: `Probe ${randomUUID().slice(0, 8)}`, criteria: segmentCriteriaSchema.parse({ filter: { field: 'consentStatus', op: 'eq', value: 'granted' } }) })).id,
    list: async (db, ctx) => (await listSegments(db, ctx, { limit: 1000 })).map((s) => s.id),
    get: (db, ctx, id) => getSegment(db, ctx, id),
  },
  {
    name: 'campaigns',
    async create(db, ctx) {
      const channelId = await createTestChannel(db, ctx);
      return (await createCampaign(db, ctx, { name: `Probe ${randomUUID().slice(0, 8)}`, type: 'service', channelId, audience: {}, message: { text: 'Probe' } })).id;
    },
    list: async (db, ctx) => (await listCampaigns(db, ctx, { limit: 200 })).data.map((c) => c.id),
    get: (db, ctx, id) => getCampaign(db, ctx, id),
  },
  {
    name: 'contests',
    create: async (db, ctx) => (await createTestContest(db, ctx, { name: `Probe ${randomUUID().slice(0, 8)}`, entryMethod: { type: 'any_message' } })).id,
    list: async (db, ctx) => (await listContests(db, ctx, { limit: 1000 })).map((s) => s.contest.id),
    get: (db, ctx, id) => getContest(db, ctx, id),
  },
  {
    name: 'contest entries',
    async create(db, ctx) {
      const contest = await createTestContest(db, ctx, { name: `Probe ${randomUUID().slice(0, 8)}`, entryMethod: { type: 'any_message' } });
      const { customerId } = await createTestConversation(db, ctx);
      const result = await db.transaction((tx) => createEntry(tx, contest, { customerId, now: new Date() }));
      if (result.outcome !== 'entered') throw new Error('probe entry not created');
      return result.entry.id;
    },
    async list(db, ctx) {
      const ids: string[] = [];
      for (const { contest } of await listContests(db, ctx, { limit: 1000 })) ids.push(...(await listEntries(db, ctx, contest.id, {})).map((r) => r.entry.id));
      return ids;
    },
  },
];
