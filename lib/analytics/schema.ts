import { z } from 'zod';
import { daysBetween, lastDays } from './days';

export const MAX_RANGE_DAYS = 366;

const isoDay = z.iso.date();

// ?from=&to= (Malaysian days, both included; default the last 30 days) and ?channelId=.
export const analyticsRangeSchema = z
  .object({
    from: isoDay.optional(),
    to: isoDay.optional(),
    channelId: z.uuid().optional(),
  })
  .transform((q, ctx) => {
    const fallback = lastDays(30);
    const to = q.to ?? (q.from && q.from > fallback.to ? q.from : fallback.to);
    const from = q.from ?? (to < fallback.to ? lastDays(30, new Date(`${to}T12:00:00+08:00`)).from : fallback.from);
    if (from > to) ctx.addIssue({ code: 'custom', path: ['from'], message: '`from` must not be after `to`.' });
    else if (daysBetween(from, to) > MAX_RANGE_DAYS) ctx.addIssue({ code: 'custom', path: ['from'], message: `A range may cover at most ${MAX_RANGE_DAYS} days.` });
    return { from, to, channelId: q.channelId ?? null };
  });

export const timeseriesMetrics = [
  'messagesIn',
  'messagesOut',
  'responseRate',
  'medianFirstResponseSeconds',
  'newCustomers',
  'noticesSent',
  'optOuts',
  'consentRate',
  'optOutRate',
  'purchases',
  'revenue',
  'averageSpend',
  'contestEntries',
] as const;
export type TimeseriesMetric = (typeof timeseriesMetrics)[number];

export const timeseriesQuerySchema = z
  .object({
    metric: z.enum(timeseriesMetrics),
    interval: z.literal('day').default('day'),
    from: isoDay.optional(),
    to: isoDay.optional(),
    channelId: z.uuid().optional(),
  })
  .transform((q, ctx) => {
    const range = analyticsRangeSchema.safeParse({ from: q.from, to: q.to, channelId: q.channelId });
    if (!range.success) {
      for (const issue of range.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return { metric: q.metric, interval: q.interval, ...range.data };
  });

const rate = z.number().min(0).max(1).nullable();
const money = z.string().regex(/^-?\d+\.\d{2}$/);

const figuresSchema = z.object({
  newCustomers: z.int(),
  messagesIn: z.int(),
  messagesOut: z.int(),
  threads: z.int(),
  responseRate: rate,
  medianFirstResponseSeconds: z.int().nullable(),
  noticesSent: z.int(),
  consentRate: rate,
  optOutRate: rate,
  optOuts: z.int(),
  revenue: money,
  purchases: z.int(),
  averageSpend: money.nullable(),
});

// What GET /api/v1/analytics/summary answers (documented in the OpenAPI document).
export const analyticsSummarySchema = figuresSchema.extend({
  from: isoDay,
  to: isoDay,
  channelId: z.uuid().nullable(),
  previous: figuresSchema.extend({ from: isoDay, to: isoDay }),
});

export const timeseriesSchema = z.object({
  metric: z.enum(timeseriesMetrics),
  interval: z.literal('day'),
  from: isoDay,
  to: isoDay,
  channelId: z.uuid().nullable(),
  // Money metrics as decimal strings, rates as fractions, null where undefined (no threads).
  data: z.array(z.object({ day: isoDay, value: z.union([z.number(), z.string(), z.null()]) })),
});
