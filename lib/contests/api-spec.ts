import { z } from 'zod';
import { contestEntryStatuses, winnerClaimStatuses } from '@/db/schema';
import type { Operation } from '@/lib/api/openapi';
import { listQuerySchema } from '@/lib/api/pagination';
import { listOf } from '@/lib/api/schemas';
import { contestInputSchema, contestPatchSchema, disqualifyInputSchema, entryListQuerySchema, winnerPatchSchema } from './schema';

// The contests part of the OpenAPI document (lib/api/spec.ts lists it with the others).

const entryMethod = z.discriminatedUnion('type', [
  z.object({ type: z.literal('keyword'), keyword: z.string() }),
  z.object({ type: z.literal('any_message') }),
  z.object({ type: z.literal('receipt'), minSpend: z.string().describe('Ringgit, e.g. "50.00"') }),
]);

const contestSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime().describe('Entries count from startsAt up to, not including, endsAt'),
    prizes: z.array(z.object({ name: z.string(), quantity: z.number().int() })),
    maxEntriesPerCustomer: z.number().int(),
    termsUrl: z.string().nullable(),
    entryMethod,
    requireConsent: z.boolean(),
    segmentId: z.uuid().nullable(),
    onePrizePerCustomer: z.boolean(),
    claimInstructions: z.string().nullable(),
    status: z.enum(['upcoming', 'running', 'ended', 'drawn']),
    entryCount: z.number().int().describe('Valid (not disqualified) entries'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Contest' });

const contestEntrySchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    code: z.string().describe('The entry ID the customer was sent, e.g. RAYA-7KQ2MX'),
    createdAt: z.iso.datetime(),
    status: z.enum(contestEntryStatuses),
    disqualifiedReason: z.string().nullable(),
  })
  .meta({ id: 'ContestEntry' });

const winner = z.object({ entryId: z.uuid(), customerId: z.uuid(), prize: z.string() });

const contestDrawSchema = z
  .object({
    winners: z.array(winner).describe('In draw order: prizes in the contest’s order, each repeated by its quantity'),
    commitment: z.string().describe('sha256 hex of the sorted valid entry ids joined by "\\n", a "\\n" and the seed; recorded before the winners were picked'),
    seed: z.string().nullable().describe('64 hex characters; published when the draw is done'),
    entryCount: z.number().int(),
    committedAt: z.iso.datetime(),
    drawnAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ContestDraw' });

const contestWinnerSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    entryId: z.uuid(),
    entryCode: z.string(),
    customerId: z.uuid(),
    customerName: z.string().nullable(),
    customerPhone: z.string().nullable(),
    prize: z.string(),
    claimStatus: z.enum(winnerClaimStatuses),
    notifiedAt: z.iso.datetime().nullable(),
    claimedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ContestWinner' });

const contestId = z.object({ id: z.uuid() });
const notFound = { description: 'No contest with that id in this tenant' };
const admin = { description: 'Needs the admin role' };

export const contestOperations: Operation[] = [
  { method: 'get', path: '/api/v1/contests', tag: 'Contests', summary: 'The contests, newest first, with status and entry counts', query: listQuerySchema, responses: { 200: { description: 'A page of contests', schema: listOf(contestSchema) } } },
  {
    method: 'post',
    path: '/api/v1/contests',
    tag: 'Contests',
    summary:
      'Create a contest. Times are ISO instants with an offset (Malaysia: +08:00). entryMethod: { type: keyword, keyword } (matched ignoring case, spaces and punctuation; not a consent word), { type: any_message } or { type: receipt, minSpend }',
    body: contestInputSchema,
    responses: { 201: { description: 'Created', schema: contestSchema }, 403: admin, 409: { description: 'Another contest uses the keyword at overlapping times' } },
  },
  { method: 'get', path: '/api/v1/contests/{id}', tag: 'Contests', summary: 'One contest', params: contestId, responses: { 200: { description: 'The contest', schema: contestSchema }, 404: notFound } },
  {
    method: 'patch',
    path: '/api/v1/contests/{id}',
    tag: 'Contests',
    summary: 'Change a contest (any field of the create body) until its draw starts',
    params: contestId,
    body: contestPatchSchema,
    responses: { 200: { description: 'The contest', schema: contestSchema }, 403: admin, 404: notFound, 409: { description: 'Already drawn, or the keyword is taken' } },
  },
  {
    method: 'delete',
    path: '/api/v1/contests/{id}',
    tag: 'Contests',
    summary: 'Delete a contest and its entries (not once drawn)',
    params: contestId,
    responses: { 204: { description: 'Deleted' }, 403: admin, 404: notFound, 409: { description: 'Drawn contests stay on record' } },
  },
  {
    method: 'get',
    path: '/api/v1/contests/{id}/entries',
    tag: 'Contests',
    summary: 'The entries, newest first',
    params: contestId,
    query: entryListQuerySchema,
    responses: { 200: { description: 'A page of entries', schema: listOf(contestEntrySchema) }, 404: notFound },
  },
  {
    method: 'get',
    path: '/api/v1/contests/{id}/entries/export.csv',
    tag: 'Contests',
    summary: 'Every entry as CSV (entry id and code, customer, phone, time in Malaysia, status, reason)',
    params: contestId,
    responses: { 200: { description: 'The CSV file', contentType: 'text/csv', schema: z.string().meta({ contentMediaType: 'text/csv' }) }, 403: admin, 404: notFound },
  },
  {
    method: 'post',
    path: '/api/v1/contests/{id}/entries/{entryId}/disqualify',
    tag: 'Contests',
    summary: 'Disqualify an entry with a reason (before the draw); it no longer counts for the limit or the draw',
    params: z.object({ id: z.uuid(), entryId: z.uuid() }),
    body: disqualifyInputSchema,
    responses: { 200: { description: 'The entry', schema: contestEntrySchema }, 403: admin, 404: { description: 'No such entry in this contest' }, 409: { description: 'The draw has started' } },
  },
  {
    method: 'post',
    path: '/api/v1/contests/{id}/draw',
    tag: 'Contests',
    summary: 'Draw the winners after the contest ended: records the commitment, picks from a CSPRNG seed (HMAC-SHA256 with rejection sampling), publishes the seed and notifies the winners',
    params: contestId,
    responses: { 201: { description: 'The published draw', schema: contestDrawSchema }, 403: admin, 404: notFound, 409: { description: 'Still open, no valid entries, or already drawn' } },
  },
  {
    method: 'get',
    path: '/api/v1/contests/{id}/draw',
    tag: 'Contests',
    summary: 'The published draw: the same answer as the POST',
    params: contestId,
    responses: { 200: { description: 'The draw', schema: contestDrawSchema }, 404: { description: 'No such contest, or not drawn yet' } },
  },
  {
    method: 'get',
    path: '/api/v1/contests/{id}/draw/verify',
    tag: 'Contests',
    summary: 'Re-run the published draw from its seed and the valid entries: does the seed open the commitment, and are the winners the same?',
    params: contestId,
    responses: {
      200: {
        description: 'The check',
        schema: z.object({ commitmentMatches: z.boolean(), winnersMatch: z.boolean(), entryCount: z.number().int(), recomputed: z.array(winner) }),
      },
      404: { description: 'No such contest, or not drawn yet' },
    },
  },
  { method: 'get', path: '/api/v1/contests/{id}/winners', tag: 'Contests', summary: 'The winners in draw order, with claim status', params: contestId, responses: { 200: { description: 'The winners', schema: z.object({ data: z.array(contestWinnerSchema) }) }, 404: notFound } },
  {
    method: 'patch',
    path: '/api/v1/contests/{id}/winners/{winnerId}',
    tag: 'Contests',
    summary: 'Mark a prize claimed or forfeited',
    params: z.object({ id: z.uuid(), winnerId: z.uuid() }),
    body: winnerPatchSchema,
    responses: { 200: { description: 'The winner', schema: contestWinnerSchema }, 403: admin, 404: { description: 'No such winner in this contest' } },
  },
];
