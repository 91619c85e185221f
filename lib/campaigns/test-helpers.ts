import { randomInt, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { campaignRecipients, channels, conversations, customers } from '@/db/schema';
import type { JobClient } from '@/lib/jobs/client';
import type { JobEvent, JobEventData } from '@/lib/jobs/events';
import { type MemberContext, createTestChannel } from '@/lib/testing/factories';
import type { TenantContext } from '@/lib/tenants/context';
import type { ProviderError, TemplateMessage, WhatsAppProvider } from '@/lib/whatsapp/providers';
import { errorFromResponse } from '@/lib/whatsapp/providers/errors';
import type { Recipient } from '@/lib/whatsapp/types';
import { createCampaign } from './campaigns';
import { startCampaign } from './jobs';
import { launchCampaign } from './lifecycle';
import type { CampaignCreateInput } from './schema';

export interface TestCustomerOptions {
  name?: string;
  consent?: 'unknown' | 'pending' | 'granted' | 'withdrawn';
  undeliverable?: boolean;
  // Last wrote this many hours ago on the channel (opens the 24-hour window when < 24).
  wroteHoursAgo?: number;
  gender?: 'M' | 'F';
  tier?: 'bronze' | 'silver' | 'gold' | 'platinum';
}

// A sandbox channel at the given rate and messaging limit.
export async function createCampaignChannel(db: Database, ctx: TenantContext, options: { rate?: number; limit?: '250' | '2000' | '10000' | '100000' | 'unlimited' } = {}) {
  const id = await createTestChannel(db, ctx);
  await db
    .update(channels)
    .set({ sendRatePerSecond: options.rate ?? 80, messagingLimit: options.limit ?? 'unlimited' })
    .where(and(eq(channels.tenantId, ctx.tenantId), eq(channels.id, id)));
  return id;
}

// Customers as a campaign sees them: consent, deliverability and their window on `channelId`.
export async function createCampaignCustomers(db: Database, ctx: TenantContext, channelId: string, list: TestCustomerOptions[]): Promise<string[]> {
  if (list.length === 0) return [];
  const rows = await db
    .insert(customers)
    .values(
      list.map((c, i) => {
        const phone = `+601${randomInt(10_000_000, 99_999_999)}`;
        return {
          tenantId: ctx.tenantId,
          phone,
          waId: phone.slice(1),
          name: c.name ?? `Customer ${i + 1}`,
          consentStatus: c.consent ?? 'granted',
          undeliverableAt: c.undeliverable ? new Date() : null,
          gender: c.gender ?? null,
          tier: c.tier ?? 'bronze',
          createdAt: new Date(Date.now() - (list.length - i) * 1000),
        };
      }),
    )
    .returning({ id: customers.id });
  const withWindow = list.flatMap((c, i) => (c.wroteHoursAgo === undefined ? [] : [{ customerId: rows[i]?.id ?? '', hours: c.wroteHoursAgo }]));
  if (withWindow.length > 0) {
    await db.insert(conversations).values(
      withWindow.map((w) => ({ tenantId: ctx.tenantId, channelId, customerId: w.customerId, lastInboundAt: new Date(Date.now() - w.hours * 3_600_000), lastMessageAt: new Date() })),
    );
  }
  return rows.map((r) => r.id);
}

// Job clients that only remember what they were given.
export function recordingJobs(): JobClient & { events: JobEvent[] } {
  const events: JobEvent[] = [];
  return {
    events,
    async send(event) {
      events.push(event);
    },
    async sendMany(list) {
      events.push(...list);
    },
  };
}

export interface FakeSend {
  to: Recipient;
  text: string;
  template: TemplateMessage | null;
}

// A provider that accepts everything unless `behaviour` throws, and records each send.
export function fakeProvider(behaviour?: (send: FakeSend) => void | Promise<void>): WhatsAppProvider & { sends: FakeSend[] } {
  const sends: FakeSend[] = [];
  const accept = async (send: FakeSend) => {
    await behaviour?.(send);
    sends.push(send);
    return { wamid: `wamid.fake-${randomUUID()}` };
  };
  const unsupported = () => Promise.reject(new Error('not used by campaigns'));
  return {
    type: 'cloud',
    sends,
    sendText: (to, text) => accept({ to, text, template: null }),
    sendTemplate: (to, template) => accept({ to, text: template.localBody ?? '', template }),
    sendMedia: unsupported,
    sendButtons: unsupported,
    fetchMedia: unsupported,
    checkConnection: unsupported,
  };
}

// Meta's error answer for a code, as the Cloud provider would throw it.
export function metaError(code: number, httpStatus = 400): ProviderError {
  return errorFromResponse(httpStatus, { error: { code, message: `(#${code}) test error ${code}` } }, null);
}

export const noWait = async () => undefined;

// A campaign created and launched now, its audience fanned out (the launch job's work).
export async function launchedCampaign(db: Database, ctx: MemberContext, input: CampaignCreateInput) {
  const jobs = recordingJobs();
  const campaign = await createCampaign(db, ctx, input);
  await launchCampaign(db, ctx, campaign.id, { jobs });
  const launch = jobs.events.find((e) => e.name === 'campaigns/launch');
  if (!launch) throw new Error('launch queued no job');
  await startCampaign(db, launch.data as JobEventData<'campaigns/launch'>, jobs);
  return { id: campaign.id, ref: { tenantId: ctx.tenantId, campaignId: campaign.id }, jobs };
}

export async function recipientRows(db: Database, tenantId: string, campaignId: string) {
  return db
    .select()
    .from(campaignRecipients)
    .where(and(eq(campaignRecipients.tenantId, tenantId), eq(campaignRecipients.campaignId, campaignId)));
}
