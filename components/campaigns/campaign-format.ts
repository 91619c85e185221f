import type { CampaignTrigger } from '@/db/schema';
import type { CampaignDraft } from './campaign-draft';

// Words and numbers the campaign pages share.

const malaysia = new Intl.DateTimeFormat('en-MY', { timeZone: 'Asia/Kuala_Lumpur', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' });

const malaysiaShort = new Intl.DateTimeFormat('en-MY', { timeZone: 'Asia/Kuala_Lumpur', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });

export function formatMalaysiaTime(iso: string): string {
  return malaysia.format(new Date(iso));
}

// For table cells: no year, Malaysia time.
export function formatShortMalaysiaTime(iso: string): string {
  return malaysiaShort.format(new Date(iso));
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min`;
}

export function triggerSummary(trigger: CampaignTrigger): string {
  if (trigger.type === 'birthday') return 'On each customer’s birthday';
  if (trigger.type === 'inactive') return `After ${trigger.days} days without a message from the customer`;
  return trigger.tier ? `When a customer reaches ${trigger.tier[0]?.toUpperCase()}${trigger.tier.slice(1)}` : 'When a customer moves up a tier';
}

export function scheduleSummary(draft: CampaignDraft): string {
  const end = draft.endAt ? `; stops sending after ${draft.endAt.replace('T', ' ')}` : '';
  if (draft.when === 'later') return `Starts ${draft.startAt.replace('T', ' ')} (Malaysia time)${end}`;
  if (draft.when === 'trigger') {
    const trigger = draft.trigger === 'inactive' ? { type: 'inactive' as const, days: Number(draft.inactiveDays) } : draft.trigger === 'tier_up' ? { type: 'tier_up' as const, tier: draft.tierUpTier || undefined } : { type: 'birthday' as const };
    return `Automated: ${triggerSummary(trigger).toLowerCase()}${end}`;
  }
  return `As soon as you launch it${end}`;
}

// Share of the recipients that are done (sent on, failed or skipped), 0–100.
export function progressPercent(stats: { total: number; queued: number }): number {
  if (stats.total === 0) return 0;
  return Math.floor(((stats.total - stats.queued) / stats.total) * 100);
}
