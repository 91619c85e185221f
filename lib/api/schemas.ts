import { z } from 'zod';
import { channelTypes, consentStatuses, customers, messageDirections, messageStatuses, messageTypes, messagingLimits, roles, templateCategories, templateHeaderTypes, templateLanguages, templateStatuses, purchases, tiers } from '@/db/schema';
import { moneyString } from '@/lib/purchases/money';
import { segmentCriteriaSchema } from '@/lib/segments/filter-schema';

// Response shapes of the public API (camelCase, ISO dates). Request schemas live beside the
// lib function they feed and are reused here.
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })),
  })
  .meta({ id: 'Problem' });

export const tenantSchema = z.object({ id: z.uuid(), name: z.string(), slug: z.string(), createdAt: z.iso.datetime() }).meta({ id: 'Tenant' });

export const memberSchema = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    email: z.email(),
    role: z.enum(roles),
    joinedAt: z.iso.datetime(),
    lastLoginAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Member' });

export const invitationSchema = z
  .object({ id: z.uuid(), email: z.email(), role: z.enum(roles), createdAt: z.iso.datetime(), expiresAt: z.iso.datetime() })
  .meta({ id: 'Invitation' });

export const createdInvitationSchema = invitationSchema
  .extend({ url: z.url().describe('Hand this link to the invitee; it is shown only once.') })
  .meta({ id: 'CreatedInvitation' });

export const auditEntrySchema = z
  .object({
    id: z.uuid(),
    action: z.string(),
    actorUserId: z.uuid().nullable(),
    actorApiKeyId: z.uuid().nullable(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AuditEntry' });

export const channelSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(channelTypes),
    name: z.string(),
    phoneNumberId: z.string().nullable().describe("Meta's phone number id; webhooks are routed by it"),
    wabaId: z.string().nullable(),
    displayPhoneNumber: z.string().nullable(),
    apiBaseUrl: z.url().nullable(),
    sendRatePerSecond: z.number().int(),
    messagingLimit: z.enum(messagingLimits),
    verifiedName: z.string().nullable(),
    qualityRating: z.string().nullable(),
    lastCheckedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    hasAccessToken: z.boolean().describe('Tokens and secrets are write-only; only whether one is set is shown.'),
    hasAppSecret: z.boolean(),
  })
  .meta({ id: 'Channel' });

export const channelConnectionSchema = z
  .object({
    verifiedName: z.string().nullable(),
    displayPhoneNumber: z.string().nullable(),
    qualityRating: z.string().nullable().describe('GREEN, YELLOW, RED or UNKNOWN, as Meta reports it'),
    lastCheckedAt: z.iso.datetime(),
  })
  .meta({ id: 'ChannelConnection' });

const customerGenders = customers.gender.enumValues;
const customerMaritalStatuses = customers.maritalStatus.enumValues;
const customerLanguages = customers.language.enumValues;

export const customerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    profileName: z.string().nullable().describe('The WhatsApp profile name, as last seen'),
    phone: z.string().nullable().describe('E.164, e.g. +60123456789; null for a customer known only by WhatsApp user id'),
    waId: z.string().nullable(),
    icNumberMasked: z.string().nullable().describe('The MyKad number masked, e.g. 901231-01-****; the full number is never in the API'),
    dateOfBirth: z.iso.date().nullable().describe('From the MyKad number'),
    age: z.number().int().nullable().describe('Whole years today in Malaysia, computed when read'),
    gender: z.enum(customerGenders).nullable(),
    maritalStatus: z.enum(customerMaritalStatuses).nullable(),
    state: z.string().nullable().describe('ISO 3166-2:MY code of the birth state (MY-01 … MY-16)'),
    birthCountry: z.string().nullable().describe('Set for a foreign place-of-birth code, e.g. Singapore'),
    city: z.string().nullable().describe('Where the customer lives, as the team recorded it'),
    consentStatus: z.enum(consentStatuses).describe('Marketing consent: unknown, pending (notice sent), granted or withdrawn'),
    language: z.enum(customerLanguages).nullable(),
    createdAt: z.iso.datetime(),
    lastInteractionAt: z.iso.datetime().nullable(),
    messageCount: z.number().int(),
    inboundCount: z.number().int(),
    outboundCount: z.number().int(),
    totalSpent: moneyString.describe('Sum of the purchases, e.g. "45.90" (MYR)'),
    purchaseCount: z.number().int(),
    averageSpend: moneyString.describe('totalSpent / purchaseCount, "0.00" without purchases'),
    lastPurchaseAt: z.iso.datetime().nullable().describe('Start of the day (Malaysia time) of the latest purchase'),
    tier: z.enum(tiers).describe("Loyalty tier under the tenant's rules (Settings → Tiers)"),
  })
  .meta({ id: 'Customer' });

export const bulkDeleteResultSchema = z.object({ deleted: z.number().int().describe('Customers erased; unknown ids and those of other tenants are not counted') }).meta({ id: 'BulkDeleteResult' });

export const customerMessageSchema = z
  .object({
    id: z.uuid(),
    conversationId: z.uuid(),
    direction: z.enum(messageDirections),
    type: z.enum(messageTypes),
    text: z.string().nullable().describe('Body, caption or a one-line summary'),
    status: z.enum(messageStatuses).describe('received for inbound; pending → sent → delivered → read (or failed) for outbound'),
    wamid: z.string().nullable().describe("WhatsApp's message id; null until the provider accepted the message"),
    errorCode: z.number().int().nullable(),
    errorTitle: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CustomerMessage' });

export const conversationSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['open', 'resolved']),
    unreadCount: z.number().int(),
    lastMessageAt: z.iso.datetime(),
    lastMessagePreview: z.string().nullable(),
    lastInboundAt: z.iso.datetime().nullable(),
    windowOpen: z.boolean().describe('Whether free-form text may be sent (the customer wrote in the last 24 hours)'),
    windowClosesAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    customer: z.object({ id: z.uuid(), name: z.string(), phone: z.string().nullable(), profileName: z.string().nullable() }),
    assignee: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    channel: z.object({ id: z.uuid(), name: z.string(), type: z.enum(channelTypes) }),
  })
  .meta({ id: 'Conversation' });

export const templateSchema = z
  .object({
    id: z.uuid(),
    channelId: z.uuid().nullable(),
    name: z.string(),
    language: z.enum(templateLanguages),
    category: z.enum(templateCategories),
    status: z.enum(templateStatuses).describe('Sandbox and wabot templates are approved on save; Meta decides for cloud ones'),
    rejectionReason: z.string().nullable().describe("Meta's reason when it rejected the template"),
    body: z.string().describe('With positional parameters {{1}}, {{2}}, …'),
    parameterCount: z.number().int(),
    headerType: z.enum(templateHeaderTypes),
    headerText: z.string().nullable(),
    footer: z.string().nullable(),
    buttons: z.array(z.object({ type: z.literal('quick_reply'), text: z.string() })),
    providerTemplateId: z.string().nullable().describe("Meta's template id (cloud channels)"),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Template' });

export const templateSyncResultSchema = z
  .object({ created: z.number().int(), updated: z.number().int(), skipped: z.number().int().describe('Templates in languages or categories Sembang does not offer') })
  .meta({ id: 'TemplateSyncResult' });

export const purchaseSchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    source: z.enum(purchases.source.enumValues).describe('receipt (a photo, via OCR), manual (dashboard), api (POS) or import (CSV)'),
    date: z.iso.date().describe('The day on the receipt (Malaysia)'),
    merchant: z.string().nullable(),
    total: moneyString,
    currency: z.string().describe('Always MYR'),
    tax: moneyString.nullable(),
    rounding: moneyString.nullable(),
    items: z.array(z.object({ name: z.string(), quantity: z.number(), amount: moneyString })),
    receiptNumber: z.string().nullable(),
    paymentMethod: z.string().nullable(),
    receiptMediaId: z.uuid().nullable().describe('The receipt image: GET /api/media/{id} with a dashboard session'),
    ocrJobId: z.uuid().nullable(),
    confidence: z.number().nullable().describe('OCR confidence, 0..1'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Purchase' });

export const customerSpendSchema = z
  .object({ totalSpent: moneyString, purchaseCount: z.number().int(), averageSpend: moneyString, lastPurchaseAt: z.iso.datetime().nullable(), tier: z.enum(tiers) })
  .meta({ id: 'CustomerSpend' });

export const purchaseResultSchema = purchaseSchema
  .extend({
    customer: customerSpendSchema.describe("The customer's spend and tier after this change"),
    tierChange: z
      .object({ from: z.enum(tiers), to: z.enum(tiers), spend: moneyString, notified: z.boolean().describe('A tier-up WhatsApp message was queued') })
      .nullable()
      .describe('Set when the change moved the customer to another tier'),
  })
  .meta({ id: 'PurchaseResult' });

export const duplicatePurchaseProblemSchema = problemSchema
  .extend({ existingPurchaseId: z.uuid().describe('The purchase this receipt already is') })
  .meta({ id: 'DuplicatePurchaseProblem' });

export const segmentSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    criteria: segmentCriteriaSchema.describe('{ filter: tree }; evaluated each time the segment is used'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Segment' });

export const segmentWithCountSchema = segmentSchema
  .extend({ customerCount: z.number().int().describe('Customers who match now (exact; anonymised customers never match)') })
  .meta({ id: 'SegmentWithCount' });

export const segmentPreviewSchema = z
  .object({
    count: z.number().int().describe('Customers who match now (exact)'),
    sample: z.array(customerSchema).describe('The newest 10 of them'),
  })
  .meta({ id: 'SegmentPreview' });

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}
