// Meta WhatsApp Cloud API webhook payload → normalized WebhookEvents. Pure: no database, no HTTP.
//
// Written from Meta's documentation (developers.facebook.com/documentation/business-messaging/
// whatsapp/…), pages followed:
//   webhooks/reference/messages (payload structures, the three places errors appear) and its
//   sub-pages text, image, video, audio, document, sticker, location, contacts, interactive,
//   button, reaction, order, system, unsupported, errors, status;
//   webhooks/reference/user_preferences;
//   business-scoped-user-ids (BSUID: contacts[].user_id, messages[].from_user_id, statuses[].
//   recipient_user_id, phone fields that may be omitted, system type user_changed_user_id);
//   the Click to WhatsApp ad `referral` object as documented on the text/image/… sub-pages.
import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import type { InboundContact, StatusUpdate, StatusValue, WebhookEvent } from '@/lib/whatsapp/types';
import { summarizeMetaError, normalizeMessage } from './normalize';
import {
  changeSchema,
  contactSchema,
  entrySchema,
  errorSchema,
  type MetaContact,
  messageBaseSchema,
  statusSchema,
  systemSchema,
  userPreferenceSchema,
  valueSchema,
} from './schema';

// Thrown only when the body is not a WhatsApp webhook at all; route adapters answer 400.
export class WebhookPayloadError extends AppError {
  constructor(message: string) {
    super('bad_request', message);
    this.name = 'WebhookPayloadError';
  }
}

export interface ParsedWebhook {
  events: WebhookEvent[];
  // What was acknowledged but not turned into an event, with the path and why (for logs).
  ignored: { reason: string }[];
}

const handledFields = new Set(['messages', 'user_preferences']);
const statusValues: readonly string[] = ['sent', 'delivered', 'read', 'played', 'failed'] satisfies StatusValue[];

function isStatusValue(status: string): status is StatusValue {
  return statusValues.includes(status);
}

function isRecord(body: unknown): body is Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}

function skip(out: ParsedWebhook, reason: string): void {
  out.ignored.push({ reason });
}

// A reader turns one array item into an event, or says why it was skipped.
type Outcome = WebhookEvent | { skipped: string };

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

// Meta's docs show phone numbers both as 16505551234 and +16505551234; ids are digits only.
function waIdFrom(phone: string | undefined): string | null {
  const digits = phone?.replace(/^\+/, '').trim();
  return digits ? digits : null;
}

// The contacts entry for a user, by BSUID or WhatsApp id. Meta warns that a user's wa_id and
// phone number may differ, so a lone contacts entry is taken as the sender.
function identify(contacts: MetaContact[], phone: string | undefined, userId: string | undefined): InboundContact | null {
  const waId = waIdFrom(phone);
  const match =
    contacts.find((c) => (userId !== undefined && c.user_id === userId) || (waId !== null && waIdFrom(c.wa_id) === waId)) ??
    (contacts.length === 1 ? contacts[0] : undefined);
  const contact: InboundContact = {
    waId: waIdFrom(match?.wa_id) ?? waId,
    userId: match?.user_id ?? userId ?? null,
    profileName: match?.profile?.name?.trim() || null,
  };
  return contact.waId || contact.userId ? contact : null;
}

interface ChangeContext {
  phoneNumberId: string;
  contacts: MetaContact[];
}

function readMessage(item: z.output<typeof messageBaseSchema>, ctx: ChangeContext): Outcome {
  if (item.group_id) return { skipped: 'group messages are not handled' };
  // A number or BSUID change is reported under the old identity; the new ids are in content.
  const previousUserId = item.type === 'system' ? systemSchema.safeParse(item.system).data?.previous_user_id : undefined;
  const contact = identify(ctx.contacts, item.from, previousUserId ?? item.from_user_id);
  if (!contact) return { skipped: 'message has no sender (from / from_user_id)' };
  return { kind: 'message', phoneNumberId: ctx.phoneNumberId, contact, message: normalizeMessage(item) };
}

function readStatus(item: z.output<typeof statusSchema>, ctx: ChangeContext): Outcome {
  const value = item.status;
  if (!isStatusValue(value)) return { skipped: `status '${value}' is not handled` };
  const error = item.errors?.[0] ? summarizeMetaError(item.errors[0]) : null;
  // For a group message the user's number is in recipient_participant_id.
  const recipient = item.recipient_type === 'group' ? item.recipient_participant_id : item.recipient_id;
  const status: StatusUpdate = {
    wamid: item.id,
    status: value,
    timestamp: item.timestamp,
    recipientWaId: waIdFrom(recipient),
    errorCode: error?.code ?? null,
    errorTitle: error?.title ?? null,
  };
  return { kind: 'status', phoneNumberId: ctx.phoneNumberId, status };
}

function readPreference(item: z.output<typeof userPreferenceSchema>, ctx: ChangeContext): Outcome {
  if (item.category !== 'marketing_messages') return { skipped: `preference category '${item.category}' is not handled` };
  if (item.value !== 'stop' && item.value !== 'resume') return { skipped: `preference value '${item.value}' is not handled` };
  const contact = identify(ctx.contacts, item.wa_id, item.user_id);
  if (!contact) return { skipped: 'preference has no user (wa_id / user_id)' };
  return { kind: 'marketing_preference', phoneNumberId: ctx.phoneNumberId, contact, preference: item.value, timestamp: item.timestamp };
}

// System-, app- or account-level errors: nothing to store, but worth a log line.
function readValueError(item: z.output<typeof errorSchema>): Outcome {
  const error = summarizeMetaError(item);
  return { skipped: `Meta reported error ${error.code ?? '?'}: ${error.title ?? 'no title'}` };
}

function readItems<S extends z.ZodType>(
  out: ParsedWebhook,
  items: unknown[] | undefined,
  path: string,
  schema: S,
  read: (item: z.output<S>) => Outcome,
): void {
  (items ?? []).forEach((raw, i) => {
    const parsed = schema.safeParse(raw);
    const outcome = parsed.success ? read(parsed.data) : { skipped: issueText(parsed.error) };
    if ('skipped' in outcome) skip(out, `${path}[${i}]: ${outcome.skipped}`);
    else out.events.push(outcome);
  });
}

function readChange(out: ParsedWebhook, raw: unknown, path: string): void {
  const change = changeSchema.safeParse(raw);
  if (!change.success) return skip(out, `${path}: ${issueText(change.error)}`);
  if (!handledFields.has(change.data.field)) return skip(out, `${path}: field '${change.data.field}' is not handled`);
  const value = valueSchema.safeParse(change.data.value);
  if (!value.success) return skip(out, `${path}.value: ${issueText(value.error)}`);

  const { metadata, contacts = [], messages, statuses, errors, user_preferences: preferences } = value.data;
  const ctx: ChangeContext = {
    phoneNumberId: metadata.phone_number_id,
    contacts: contacts.flatMap((raw) => {
      const contact = contactSchema.safeParse(raw);
      return contact.success ? [contact.data] : [];
    }),
  };
  readItems(out, messages, `${path}.value.messages`, messageBaseSchema, (item) => readMessage(item, ctx));
  readItems(out, statuses, `${path}.value.statuses`, statusSchema, (item) => readStatus(item, ctx));
  readItems(out, preferences, `${path}.value.user_preferences`, userPreferenceSchema, (item) => readPreference(item, ctx));
  readItems(out, errors, `${path}.value.errors`, errorSchema, readValueError);
}

export function parseWebhookPayload(body: unknown): ParsedWebhook {
  if (!isRecord(body)) throw new WebhookPayloadError('The webhook body is not a JSON object.');
  if (body.object !== 'whatsapp_business_account') {
    throw new WebhookPayloadError("The webhook body is not a WhatsApp payload (object must be 'whatsapp_business_account').");
  }
  if (!Array.isArray(body.entry)) throw new WebhookPayloadError('The webhook body has no entry array.');

  const out: ParsedWebhook = { events: [], ignored: [] };
  body.entry.forEach((rawEntry: unknown, e) => {
    const entry = entrySchema.safeParse(rawEntry);
    if (!entry.success) return skip(out, `entry[${e}]: ${issueText(entry.error)}`);
    entry.data.changes.forEach((change, c) => readChange(out, change, `entry[${e}].changes[${c}]`));
  });
  return out;
}
