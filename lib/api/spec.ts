import { z } from 'zod';
import { invitationInputSchema } from '@/lib/members/invitations';
import type { Operation } from './openapi';
import { listQuerySchema } from './pagination';
import { auditEntrySchema, createdInvitationSchema, invitationSchema, listOf, memberSchema, tenantSchema } from './schemas';

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
    path: '/api/v1/audit-log',
    tag: 'Audit',
    summary: 'The tenant audit log, newest first',
    query: listQuerySchema,
    responses: { 200: { description: 'A page of audit entries', schema: listOf(auditEntrySchema) } },
  },
];
