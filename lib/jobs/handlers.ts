import type { Database } from '@/db';
import { runScheduledAnalyticsRefresh, startAnalyticsChain } from '@/lib/analytics/refresh-schedule';
import { handleInboundMessages } from '@/lib/automation/handle-inbound';
import { runCampaignDispatch, startCampaign } from '@/lib/campaigns/jobs';
import { runDailyTriggers, startTriggerChain } from '@/lib/campaigns/trigger-schedule';
import { applyMarketingPreference } from '@/lib/consent/marketing-preference';
import { sendConsentReminder } from '@/lib/consent/reminder';
import { processOcrJob } from '@/lib/ocr-jobs/process';
import { runDailyRetention, startRetentionChain } from '@/lib/pdpa/retention-schedule';
import { runDailyTierRecompute, startTierChain } from '@/lib/purchases/tier-schedule';
import { syncTemplates } from '@/lib/templates/meta';
import { provisionTenant } from '@/lib/tenants/provision';
import { processWebhookDeliveries } from '@/lib/whatsapp/ingest/process-delivery';
import { fetchAndStoreMedia } from '@/lib/whatsapp/media/fetch-and-store';
import { deliverOutboundMessage } from '@/lib/whatsapp/outbound/deliver-message';
import { emitSandboxStatuses } from '@/lib/whatsapp/sandbox/statuses';
import type { JobEventData, JobEventName } from './events';

export interface JobContext<N extends JobEventName> {
  db: Database;
  data: JobEventData<N>;
  // 1 on the first run.
  attempt: number;
}

export type JobHandler<N extends JobEventName> = (ctx: JobContext<N>) => Promise<void>;

export type JobHandlers = { [N in JobEventName]: JobHandler<N> };

// What the local worker runs for each event. Thin on purpose: the logic lives in lib/ and the
// matching Inngest function calls the same function.
export const jobHandlers: JobHandlers = {
  // The embedded driver also starts the tenant's daily retention, tier and campaign-trigger chains and its hourly analytics chain (Inngest runs crons).
  'tenant/provision': async ({ db, data }) => {
    await provisionTenant(db, data);
    await startRetentionChain(db, data.tenantId, new Date());
    await startTierChain(db, data.tenantId, new Date());
    await startTriggerChain(db, data.tenantId, new Date());
    await startAnalyticsChain(db, data.tenantId, new Date());
  },
  'whatsapp/message.send': ({ db, data, attempt }) => deliverOutboundMessage(db, data, attempt),
  'whatsapp/webhook.received': async ({ db, data }) => {
    await processWebhookDeliveries(db, data);
  },
  'whatsapp/message.received': ({ db, data }) => handleInboundMessages(db, data),
  'consent/marketing-preference': async ({ db, data }) => {
    await applyMarketingPreference(db, data);
  },
  'consent/reminder': async ({ db, data }) => {
    await sendConsentReminder(db, data);
  },
  'whatsapp/media.fetch': async ({ db, data, attempt }) => {
    await fetchAndStoreMedia(db, data, {}, attempt);
  },
  'ocr/document.received': async ({ db, data, attempt }) => {
    await processOcrJob(db, data, {}, attempt);
  },
  'whatsapp/sandbox.statuses': ({ db, data }) => emitSandboxStatuses(db, data),
  'whatsapp/templates.sync': async ({ db, data }) => {
    await syncTemplates(db, data, data.channelId);
  },
  'pdpa/retention.daily': async ({ db, data }) => {
    await runDailyRetention(db, data);
  },
  'campaigns/launch': async ({ db, data }) => {
    await startCampaign(db, data);
  },
  'campaigns/dispatch': async ({ db, data }) => {
    await runCampaignDispatch(db, data);
  },
  'campaigns/triggers.daily': async ({ db, data }) => {
    await runDailyTriggers(db, data);
  },
  'purchases/tiers.daily': async ({ db, data }) => {
    await runDailyTierRecompute(db, data);
  },
  'analytics/refresh': async ({ db, data }) => {
    await runScheduledAnalyticsRefresh(db, data);
  },
};
