import { z } from 'zod';
import { CAMPAIGN_NAME_MAX, CAMPAIGN_TEXT_MAX, CAPTION_MAX, unknownVariables } from '@/lib/campaigns/schema';
import type { CampaignAudience, CampaignMessage, CampaignTrigger } from '@/db/schema';

// The builder's state, kept whole across its steps (going back loses nothing), and its
// translation to the API's campaign input. Dates are typed as Malaysian wall-clock time.

export interface PickedCustomer {
  id: string;
  name: string;
  phone: string | null;
}

// An uploaded image or video (a stored media row) that goes with the text as its caption.
export interface DraftMedia {
  id: string;
  mimeType: string;
  fileName: string | null;
  sizeBytes: number | null;
}

export type ScheduleChoice = 'now' | 'later' | 'trigger';
export type TriggerChoice = 'birthday' | 'inactive' | 'tier_up';
export type TierChoice = '' | 'silver' | 'gold' | 'platinum';

export interface CampaignDraft {
  name: string;
  objective: string;
  type: 'marketing' | 'service';
  channelId: string;
  segmentIds: string[];
  customers: PickedCustomer[];
  excluded: PickedCustomer[];
  messageKind: 'text' | 'template';
  text: string;
  media: DraftMedia | null;
  templateId: string;
  parameters: string[];
  when: ScheduleChoice;
  // <input type="datetime-local"> values, read as Asia/Kuala_Lumpur.
  startAt: string;
  endAt: string;
  trigger: TriggerChoice;
  inactiveDays: string;
  tierUpTier: TierChoice;
}

export function emptyDraft(channelId: string): CampaignDraft {
  return {
    name: '',
    objective: '',
    type: 'marketing',
    channelId,
    segmentIds: [],
    customers: [],
    excluded: [],
    messageKind: 'text',
    text: '',
    media: null,
    templateId: '',
    parameters: [],
    when: 'now',
    startAt: '',
    endAt: '',
    trigger: 'birthday',
    inactiveDays: '30',
    tierUpTier: '',
  };
}

export const steps = ['Details', 'Audience', 'Message', 'Schedule', 'Review'] as const;
export type StepIndex = 0 | 1 | 2 | 3 | 4;

// Malaysia keeps +08:00 all year, so wall-clock time converts without a time-zone database.
export function malaysiaLocalToIso(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const date = new Date(`${local}:00+08:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function isoToMalaysiaLocal(iso: string | null): string {
  if (!iso) return '';
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

type Errors = Record<string, string>;

const detailsSchema = z.object({
  name: z.string().trim().min(1, 'Give the campaign a name.').max(CAMPAIGN_NAME_MAX, `Use at most ${CAMPAIGN_NAME_MAX} characters.`),
  objective: z.string().max(500, 'Keep the objective under 500 characters.'),
  channelId: z.string().min(1, 'Choose the WhatsApp number to send from.'),
});

function issuesToErrors(error: z.ZodError): Errors {
  const errors: Errors = {};
  for (const issue of error.issues) errors[issue.path.join('.')] ??= issue.message;
  return errors;
}

// The errors that keep the user on a step, by field. `now` is when the check runs.
export function stepErrors(draft: CampaignDraft, step: StepIndex, now = new Date()): Errors {
  if (step === 0) {
    const parsed = detailsSchema.safeParse(draft);
    return parsed.success ? {} : issuesToErrors(parsed.error);
  }
  if (step === 2) return messageErrors(draft);
  if (step === 3) return scheduleErrors(draft, now);
  return {};
}

function messageErrors(draft: CampaignDraft): Errors {
  if (draft.messageKind === 'template') {
    if (!draft.templateId) return { templateId: 'Choose an approved template.' };
    const missing = draft.parameters.findIndex((p) => p.trim() === '');
    return missing >= 0 ? { [`parameters.${missing}`]: `Fill in {{${missing + 1}}}.` } : {};
  }
  if (draft.text.trim() === '') return { text: 'Write the message.' };
  if (draft.text.trim().length > CAMPAIGN_TEXT_MAX) return { text: 'WhatsApp allows at most 4,096 characters.' };
  if (draft.media && draft.text.trim().length > CAPTION_MAX) return { text: `With an image or video the text is its caption: at most ${CAPTION_MAX} characters.` };
  const unknown = unknownVariables(draft.text);
  return unknown.length > 0 ? { text: `Unknown variable {{${unknown[0]}}}. Use one of the chips below.` } : {};
}

// An empty audience is checked here, not on the Audience step: an automated campaign may have
// none (every customer the trigger finds), and its trigger is chosen on this step.
function scheduleErrors(draft: CampaignDraft, now: Date): Errors {
  const errors: Errors = {};
  if (draft.when !== 'trigger' && draft.segmentIds.length === 0 && draft.customers.length === 0) {
    errors.audience = 'Nobody to send to: choose segments or customers in step 2, or make it automated.';
  }
  if (draft.when === 'trigger') {
    const days = Number(draft.inactiveDays);
    if (draft.trigger === 'inactive' && (!Number.isInteger(days) || days < 1 || days > 365)) errors.inactiveDays = 'Enter a whole number of days from 1 to 365.';
  }
  const start = draft.when === 'later' ? malaysiaLocalToIso(draft.startAt) : null;
  if (draft.when === 'later') {
    if (!start) errors.startAt = 'Choose the date and time to start.';
    else if (new Date(start) <= now) errors.startAt = 'Choose a time in the future.';
  }
  if (draft.endAt !== '') {
    const end = malaysiaLocalToIso(draft.endAt);
    if (!end) errors.endAt = 'Enter a full date and time, or leave it empty.';
    else if (new Date(end) <= (start ? new Date(start) : now)) errors.endAt = draft.when === 'later' ? 'The end must come after the start.' : 'The end must be in the future.';
  }
  return errors;
}

// The first step with something to fix, if any.
export function firstInvalidStep(draft: CampaignDraft, now = new Date()): StepIndex | null {
  for (const step of [0, 1, 2, 3] as const) if (Object.keys(stepErrors(draft, step, now)).length > 0) return step;
  return null;
}

export function draftMessage(draft: CampaignDraft) {
  if (draft.messageKind === 'template') return { templateId: draft.templateId, parameters: draft.parameters };
  return draft.media ? { text: draft.text, mediaId: draft.media.id } : { text: draft.text };
}

export function draftAudience(draft: CampaignDraft) {
  return {
    segmentIds: draft.segmentIds,
    customerIds: draft.customers.map((c) => c.id),
    excludeCustomerIds: draft.excluded.map((c) => c.id),
  };
}

function draftTrigger(draft: CampaignDraft) {
  if (draft.trigger === 'inactive') return { type: 'inactive' as const, days: Number(draft.inactiveDays) };
  if (draft.trigger === 'tier_up') return draft.tierUpTier ? { type: 'tier_up' as const, tier: draft.tierUpTier } : { type: 'tier_up' as const };
  return { type: 'birthday' as const };
}

// The body of POST /api/v1/campaigns (and of a draft's PATCH).
export function draftToInput(draft: CampaignDraft) {
  const scheduledAt = draft.when === 'later' ? malaysiaLocalToIso(draft.startAt) : null;
  const endsAt = draft.endAt ? malaysiaLocalToIso(draft.endAt) : null;
  return {
    name: draft.name.trim(),
    objective: draft.objective.trim() || null,
    type: draft.type,
    channelId: draft.channelId,
    audience: draftAudience(draft),
    message: draftMessage(draft),
    scheduledAt,
    endsAt,
    trigger: draft.when === 'trigger' ? draftTrigger(draft) : null,
  };
}

// Which step shows a server error on a field ("message.text" → Message).
export function stepOfField(field: string): StepIndex {
  if (field.startsWith('audience')) return 1;
  if (field.startsWith('message')) return 2;
  if (/^(scheduledAt|endsAt|trigger)/.test(field)) return 3;
  return 0;
}

// A server field path as the step's own error key ("message.text" → "text").
export function localField(field: string): string {
  const map: Record<string, string> = { scheduledAt: 'startAt', endsAt: 'endAt', 'trigger.days': 'inactiveDays', 'message.templateId': 'templateId', 'message.text': 'text', 'message.mediaId': 'media' };
  if (map[field]) return map[field];
  if (field.startsWith('message.parameters')) return field.replace('message.', '');
  if (field.startsWith('audience')) return 'audience';
  return field;
}

// A saved draft back into the builder; `people` names the hand-picked and left-out customers,
// `media` is the message's stored image or video, if it still exists.
export function campaignToDraft(
  campaign: { name: string; objective: string | null; type: CampaignDraft['type']; channelId: string; audience: CampaignAudience; message: CampaignMessage; trigger: CampaignTrigger | null; scheduledAt: string | null; endsAt: string | null },
  people: Map<string, PickedCustomer>,
  media: DraftMedia | null = null,
): CampaignDraft {
  const picked = (ids: string[] | undefined) => (ids ?? []).map((id) => people.get(id) ?? { id, name: 'Customer no longer here', phone: null });
  const { message, trigger } = campaign;
  return {
    ...emptyDraft(campaign.channelId),
    name: campaign.name,
    objective: campaign.objective ?? '',
    type: campaign.type,
    segmentIds: campaign.audience.segmentIds ?? [],
    customers: picked(campaign.audience.customerIds),
    excluded: picked(campaign.audience.excludeCustomerIds),
    ...('templateId' in message ? { messageKind: 'template' as const, templateId: message.templateId, parameters: message.parameters } : { text: message.text, media: message.mediaId && media?.id === message.mediaId ? media : null }),
    when: trigger ? 'trigger' : campaign.scheduledAt ? 'later' : 'now',
    startAt: isoToMalaysiaLocal(campaign.scheduledAt),
    endAt: isoToMalaysiaLocal(campaign.endsAt),
    ...(trigger ? { trigger: trigger.type } : {}),
    ...(trigger?.type === 'inactive' ? { inactiveDays: String(trigger.days) } : {}),
    ...(trigger?.type === 'tier_up' ? { tierUpTier: trigger.tier ?? '' } : {}),
  };
}
