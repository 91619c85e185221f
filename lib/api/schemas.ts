import { z } from 'zod';
import { roles } from '@/db/schema';

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

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}
