import { z } from 'zod';
import { channelCreateSchema, channelUpdateSchema } from '@/lib/channels/input';
import { bulkDeleteInputSchema } from '@/lib/customers/delete';
import { customerListQuerySchema } from '@/lib/customers/list-query';
import { conversationListQuerySchema } from '@/lib/inbox/conversations';
import { invitationInputSchema } from '@/lib/members/invitations';
import { templateInputSchema, templatePatchSchema, templateSyncInputSchema } from '@/lib/templates/schema';
import { outboundInputSchema } from '@/lib/whatsapp/outbound/queue-message';
import type { Operation } from './openapi';
import { listQuerySchema } from './pagination';
import {
  auditEntrySchema,
  bulkDeleteResultSchema,
  channelConnectionSchema,
  channelSchema,
  conversationSchema,
  createdInvitationSchema,
  customerMessageSchema,
  customerSchema,
  invitationSchema,
  listOf,
  memberSchema,
  templateSchema,
  templateSyncResultSchema,
  tenantSchema,
} from './schemas';

const channelId = z.object({ id: z.uuid() });
const customerId = z.object({ id: z.uuid() });
const templateId = z.object({ id: z.uuid() });

// Every public endpoint, described by the same zod schemas the handlers validate with.
// The OpenAPI document is generated from this list.
export const operations: Operation[] = [
  { method: 'get', path: '/api/v1/tenant', tag: 'Tenant', summary: 'The tenant this API key belongs to', responses: { 200: { description: 'The tenant', schema: tenantSchema } } },
  {
    method: 'get',
    path: '/api/v1/members',
    tag: 'Team',
    summary: 'List team members',
    query: listQuerySchema,
    responses: { 200: { description: 'A page of members', schema: listOf(memberSchema) } },
  },
  {
    method: 'get',
    path: '/api/v1/members/{userId}',
    tag: 'Team',
    summary: 'One team member',
    params: z.object({ userId: z.uuid() }),
    responses: { 200: { description: 'The member', schema: memberSchema }, 404: { description: 'Not a member of this tenant' } },
  },
  {
    method: 'get',
    path: '/api/v1/invitations',
    tag: 'Team',
    summary: 'List open invitations',
    responses: { 200: { description: 'Open invitations', schema: listOf(invitationSchema) } },
  },
  {
    method: 'post',
    path: '/api/v1/invitations',
    tag: 'Team',
    summary: 'Invite someone to the team; the link in the answer is shown once',
    body: invitationInputSchema,
    responses: { 201: { description: 'Invitation created', schema: createdInvitationSchema }, 409: { description: 'Already a member' } },
  },
  {
    method: 'delete',
    path: '/api/v1/invitations/{id}',
    tag: 'Team',
    summary: 'Revoke an open invitation',
    params: z.object({ id: z.uuid() }),
    responses: { 204: { description: 'Revoked' }, 404: { description: 'No open invitation with that id' } },
  },
  {
    method: 'get',
    path: '/api/v1/channels',
    tag: 'Channels',
    summary: 'List WhatsApp channels, oldest first',
    query: listQuerySchema,
    responses: { 200: { description: 'A page of channels (never with tokens or secrets)', schema: listOf(channelSchema) } },
  },
  {
    method: 'post',
    path: '/api/v1/channels',
    tag: 'Channels',
    summary: 'Connect a Cloud API number or a wabot gateway; tokens and secrets are stored encrypted and never returned',
    body: channelCreateSchema,
    responses: {
      201: { description: 'Channel created', schema: channelSchema },
      403: { description: 'Needs the admin role' },
      409: { description: 'The phone number ID is already connected' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/channels/{id}',
    tag: 'Channels',
    summary: 'One channel',
    params: channelId,
    responses: { 200: { description: 'The channel', schema: channelSchema }, 404: { description: 'No channel with that id in this tenant' } },
  },
  {
    method: 'patch',
    path: '/api/v1/channels/{id}',
    tag: 'Channels',
    summary: 'Change a channel; omitted tokens and secrets stay as they are; the type cannot change',
    params: channelId,
    body: channelUpdateSchema,
    responses: {
      200: { description: 'The changed channel', schema: channelSchema },
      404: { description: 'No channel with that id in this tenant' },
      409: { description: 'The phone number ID is already connected' },
    },
  },
  {
    method: 'delete',
    path: '/api/v1/channels/{id}',
    tag: 'Channels',
    summary: 'Delete a channel with its conversations and messages (not the sandbox)',
    params: channelId,
    responses: { 204: { description: 'Deleted' }, 404: { description: 'No channel with that id in this tenant' }, 409: { description: 'The sandbox channel cannot be deleted' } },
  },
  {
    method: 'post',
    path: '/api/v1/channels/{id}/test',
    tag: 'Channels',
    summary: "Check the channel's credentials with WhatsApp and store the verified name and quality rating",
    params: channelId,
    responses: {
      200: { description: 'WhatsApp answered', schema: channelConnectionSchema },
      404: { description: 'No channel with that id in this tenant' },
      502: { description: 'WhatsApp refused the credentials or could not be reached; `detail` says why' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/audit-log',
    tag: 'Audit',
    summary: 'The tenant audit log, newest first',
    query: listQuerySchema,
    responses: { 200: { description: 'A page of audit entries', schema: listOf(auditEntrySchema) } },
  },
  {
    method: 'get',
    path: '/api/v1/customers',
    tag: 'Customers',
    summary: 'List customers: filters, search by name or number, sort (newest first by default); `phone` finds one by number',
    query: customerListQuerySchema,
    responses: { 200: { description: 'A page of customers', schema: listOf(customerSchema) } },
  },
  {
    method: 'post',
    path: '/api/v1/customers/bulk-delete',
    tag: 'Customers',
    summary: 'Erase customers for good (PDPA): their conversations, messages, consent history and media go with them',
    body: bulkDeleteInputSchema,
    responses: { 200: { description: 'How many were erased', schema: bulkDeleteResultSchema } },
  },
  {
    method: 'get',
    path: '/api/v1/customers/{id}',
    tag: 'Customers',
    summary: 'One customer',
    params: customerId,
    responses: { 200: { description: 'The customer', schema: customerSchema }, 404: { description: 'No customer with that id in this tenant' } },
  },
  {
    method: 'get',
    path: '/api/v1/customers/{id}/messages',
    tag: 'Customers',
    summary: "The customer's WhatsApp messages, both directions, newest first",
    params: customerId,
    query: listQuerySchema,
    responses: { 200: { description: 'A page of messages', schema: listOf(customerMessageSchema) }, 404: { description: 'No customer with that id in this tenant' } },
  },
  {
    method: 'post',
    path: '/api/v1/customers/{id}/messages',
    tag: 'Customers',
    summary: 'Send a text inside the 24-hour window, or an approved template with its parameters at any time',
    params: customerId,
    body: outboundInputSchema,
    responses: {
      201: { description: 'Queued for sending (status pending); statuses follow', schema: customerMessageSchema },
      404: { description: 'No such customer or template in this tenant' },
      409: { description: 'The 24-hour window is closed (send a template instead), the template is not approved, or there is no channel' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/conversations',
    tag: 'Conversations',
    summary: 'List conversations, latest activity first',
    query: conversationListQuerySchema,
    responses: { 200: { description: 'A page of conversations', schema: listOf(conversationSchema) } },
  },
  {
    method: 'get',
    path: '/api/v1/templates',
    tag: 'Templates',
    summary: 'List message templates, oldest first',
    query: listQuerySchema,
    responses: { 200: { description: 'A page of templates', schema: listOf(templateSchema) } },
  },
  {
    method: 'post',
    path: '/api/v1/templates',
    tag: 'Templates',
    summary: 'Create a template: approved at once on sandbox and wabot channels, submitted to Meta for review (pending) on cloud channels',
    body: templateInputSchema,
    responses: {
      201: { description: 'Template created', schema: templateSchema },
      403: { description: 'Needs the admin role' },
      404: { description: 'No channel with that id in this tenant' },
      409: { description: 'The channel already has a template with this name and language' },
      502: { description: 'WhatsApp could not be reached; `detail` says why' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/templates/{id}',
    tag: 'Templates',
    summary: 'One template',
    params: templateId,
    responses: { 200: { description: 'The template', schema: templateSchema }, 404: { description: 'No template with that id in this tenant' } },
  },
  {
    method: 'patch',
    path: '/api/v1/templates/{id}',
    tag: 'Templates',
    summary: 'Change a sandbox or wabot template; templates at Meta are edited in WhatsApp Manager and synced',
    params: templateId,
    body: templatePatchSchema,
    responses: {
      200: { description: 'The changed template', schema: templateSchema },
      404: { description: 'No template with that id in this tenant' },
      409: { description: 'Managed by Meta, or the name and language are taken' },
    },
  },
  {
    method: 'delete',
    path: '/api/v1/templates/{id}',
    tag: 'Templates',
    summary: "Delete Sembang's copy of a template (a cloud template stays at Meta)",
    params: templateId,
    responses: { 204: { description: 'Deleted' }, 404: { description: 'No template with that id in this tenant' } },
  },
  {
    method: 'post',
    path: '/api/v1/templates/sync',
    tag: 'Templates',
    summary: "Bring a cloud channel's templates, statuses and rejection reasons from Meta",
    body: templateSyncInputSchema,
    responses: {
      200: { description: 'What changed', schema: templateSyncResultSchema },
      404: { description: 'No channel with that id in this tenant' },
      409: { description: 'Not a Cloud API channel' },
      502: { description: 'WhatsApp could not be reached; `detail` says why' },
    },
  },
];
