import { analyticsCronFunction, refreshAnalyticsFunction } from './analytics/refresh';
import { handleInboundFunction } from './automation/handle-inbound';
import { dispatchCampaignFunction, launchCampaignFunction } from './campaigns/dispatch';
import { campaignTriggersCronFunction, campaignTriggersFunction } from './campaigns/triggers';
import { marketingPreferenceFunction } from './consent/marketing-preference';
import { processDocumentFunction } from './ocr/process-document';
import { consentReminderFunction } from './consent/reminder';
import { applyRetentionFunction, retentionCronFunction } from './pdpa/retention';
import { recomputeTiersFunction, tiersCronFunction } from './purchases/tiers';
import { syncTemplatesFunction } from './templates/sync-templates';
import { provisionTenantFunction } from './tenants/provision-tenant';
import { fetchMediaFunction } from './whatsapp/fetch-media';
import { processWebhookFunction } from './whatsapp/process-webhook';
import { sandboxStatusesFunction } from './whatsapp/sandbox-statuses';
import { sendMessageFunction } from './whatsapp/send-message';

// Every function served at /api/inngest.
export const functions = [analyticsCronFunction, refreshAnalyticsFunction, provisionTenantFunction, processWebhookFunction, sendMessageFunction, fetchMediaFunction, sandboxStatusesFunction, syncTemplatesFunction, handleInboundFunction, marketingPreferenceFunction, consentReminderFunction, retentionCronFunction, applyRetentionFunction, tiersCronFunction, recomputeTiersFunction, processDocumentFunction, campaignTriggersCronFunction, campaignTriggersFunction, launchCampaignFunction, dispatchCampaignFunction];
