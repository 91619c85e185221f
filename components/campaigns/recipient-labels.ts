import type { RecipientStatus } from '@/db/schema';

// Words for a recipient's status and for why one was skipped or failed.

export const recipientStatusLabels: Record<RecipientStatus, string> = {
  queued: 'Waiting',
  sending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Failed',
  skipped: 'Skipped',
};

const reasons: Record<string, string> = {
  no_consent: 'Has not agreed to marketing',
  opted_out: 'Opted out (STOP)',
  undeliverable: 'Not reachable on WhatsApp',
  window_closed: 'No open 24-hour window',
  campaign_ended: 'Campaign ended first',
  campaign_cancelled: 'Campaign cancelled',
  cancelled: 'Campaign cancelled',
  rate_limited: 'WhatsApp rate limit',
  provider_error: 'WhatsApp refused it',
  unknown: 'Not recorded',
};

export function reasonLabel(reason: string): string {
  return reasons[reason] ?? reason.replaceAll('_', ' ');
}
