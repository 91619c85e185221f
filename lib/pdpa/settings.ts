import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/db';
import { type ConsentNotice, consentNotices, tenantSettings, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { currentNotice } from '@/lib/consent/notices';
import { toE164 } from '@/lib/customers/phone';
import { AppError } from '@/lib/errors';
import { requireRole } from '@/lib/members/members';
import type { TenantContext } from '@/lib/tenants/context';
import { REMINDER_HOURS, RETENTION_LIMITS } from './limits';
import { noticeProblem, normalizeNotice } from './notice-rules';


// Form fields arrive as strings; an empty one means "none".
const blankAsNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

const noticeText = (language: string) =>
  z.string({ error: `Write the notice in ${language}.` }).superRefine((body, ctx) => {
    const problem = noticeProblem(body);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

// null = keep for ever.
const retention = (unit: string, max: number) =>
  z.preprocess(
    (value) => (value === 'keep' ? null : blankAsNull(value)),
    z.coerce
      .number({ error: `Enter a number of ${unit}, or keep.` })
      .int(`Enter whole ${unit}.`)
      .min(1, `At least 1 ${unit.replace(/s$/, '')}, or keep.`)
      .max(max, `At most ${max} ${unit}.`)
      .nullable(),
  );

const optionalText = (max: number) => z.preprocess(blankAsNull, z.string().trim().max(max, `At most ${max} characters.`).nullable());

export const pdpaSettingsSchema = z.object({
  brandName: z.string().trim().min(1, 'Enter the brand customers know you by.').max(100, 'At most 100 characters.'),
  noticeMs: noticeText('Bahasa Malaysia'),
  noticeEn: noticeText('English'),
  noticeZh: z.preprocess(blankAsNull, noticeText('Chinese').nullable()),
  consentReminderHours: z.coerce
    .number({ error: 'Enter a number of hours.' })
    .int('Enter whole hours.')
    .min(REMINDER_HOURS.min, `At least ${REMINDER_HOURS.min} hour.`)
    .max(REMINDER_HOURS.max, `At most ${REMINDER_HOURS.max} hours: the reminder must go out inside the 24-hour window.`),
  retentionMessageMonths: retention('months', RETENTION_LIMITS.messageMonths),
  retentionInactiveYears: retention('years', RETENTION_LIMITS.inactiveYears),
  dpoName: optionalText(100),
  dpoEmail: z.preprocess(blankAsNull, z.email('Enter an email address, e.g. dpo@example.com.').max(200).nullable()),
  dpoPhone: z.preprocess(
    blankAsNull,
    z
      .string()
      .nullable()
      .transform((value, ctx) => {
        if (value === null) return null;
        const phone = toE164(value);
        if (!phone) ctx.addIssue({ code: 'custom', message: 'Not a valid phone number; write it with the country code, e.g. +60312345678.' });
        return phone;
      }),
  ),
});
export type PdpaSettingsInput = z.infer<typeof pdpaSettingsSchema>;

export interface PdpaSettings {
  brandName: string;
  consentReminderHours: number;
  retentionMessageMonths: number | null;
  retentionInactiveYears: number | null;
  dpoName: string | null;
  dpoEmail: string | null;
  dpoPhone: string | null;
  notice: Pick<ConsentNotice, 'version' | 'bodyMs' | 'bodyEn' | 'bodyZh'> | null;
}

export async function getPdpaSettings(db: Database, ctx: TenantContext): Promise<PdpaSettings> {
  const [[row], notice] = await Promise.all([db.select().from(tenantSettings).where(eq(tenantSettings.tenantId, ctx.tenantId)).limit(1), currentNotice(db, ctx.tenantId)]);
  return {
    // Before provisioning has run, the defaults it would write.
    brandName: row?.brandName ?? ctx.tenantName,
    consentReminderHours: row?.consentReminderHours ?? REMINDER_HOURS.default,
    retentionMessageMonths: row?.retentionMessageMonths ?? null,
    retentionInactiveYears: row?.retentionInactiveYears ?? null,
    dpoName: row?.dpoName ?? null,
    dpoEmail: row?.dpoEmail ?? null,
    dpoPhone: row?.dpoPhone ?? null,
    notice: notice && { version: notice.version, bodyMs: notice.bodyMs, bodyEn: notice.bodyEn, bodyZh: notice.bodyZh },
  };
}

export interface SavedPdpaSettings {
  noticeVersion: number;
  // False when the notice texts were saved unchanged.
  newNoticeVersion: boolean;
}

// Settings are overwritten; the notice is versioned: changed texts become a new version (the
// one sent from now on), and older versions stay as evidence of what customers were shown.
export async function updatePdpaSettings(db: Database, ctx: TenantContext, input: PdpaSettingsInput): Promise<SavedPdpaSettings> {
  requireRole(ctx, 'admin');
  const texts = { bodyMs: normalizeNotice(input.noticeMs), bodyEn: normalizeNotice(input.noticeEn), bodyZh: input.noticeZh === null ? null : normalizeNotice(input.noticeZh) };
  const values = {
    brandName: input.brandName,
    consentReminderHours: input.consentReminderHours,
    retentionMessageMonths: input.retentionMessageMonths,
    retentionInactiveYears: input.retentionInactiveYears,
    dpoName: input.dpoName,
    dpoEmail: input.dpoEmail,
    dpoPhone: input.dpoPhone,
  };
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(tenantSettings).where(eq(tenantSettings.tenantId, ctx.tenantId)).for('update').limit(1);
      await tx
        .insert(tenantSettings)
        .values({ tenantId: ctx.tenantId, ...values })
        .onConflictDoUpdate({ target: tenantSettings.tenantId, set: { ...values, updatedAt: new Date() } });
      const fields = Object.keys(values).filter((key) => before?.[key as keyof typeof values] !== values[key as keyof typeof values]);
      const current = await currentNotice(tx, ctx.tenantId);
      const changed = !current || current.bodyMs !== texts.bodyMs || current.bodyEn !== texts.bodyEn || current.bodyZh !== texts.bodyZh;
      const version = changed ? (current?.version ?? 0) + 1 : current.version;
      if (changed) {
        await tx.insert(consentNotices).values({ tenantId: ctx.tenantId, version, ...texts, createdByUserId: ctx.userId });
        await recordAudit(tx, ctx, { action: 'consent_notice.created', targetType: 'consent_notice', targetId: String(version) });
      }
      if (fields.length > 0) await recordAudit(tx, ctx, { action: 'pdpa_settings.updated', targetType: 'tenant_settings', targetId: ctx.tenantId, metadata: { fields } });
      return { noticeVersion: version, newNoticeVersion: changed };
    });
  } catch (error) {
    // Another admin saved a new version at the same moment (unique tenant + version).
    if (String((error as { cause?: { code?: string } }).cause?.code) === '23505') throw new AppError('conflict', 'Someone else changed the notice just now. Reload to see their version.');
    throw error;
  }
}

export interface NoticeVersion extends Pick<ConsentNotice, 'version' | 'bodyMs' | 'bodyEn' | 'bodyZh' | 'createdAt'> {
  createdByName: string | null;
}

// Newest first.
export async function listNoticeVersions(db: Database, ctx: TenantContext): Promise<NoticeVersion[]> {
  return db
    .select({
      version: consentNotices.version,
      bodyMs: consentNotices.bodyMs,
      bodyEn: consentNotices.bodyEn,
      bodyZh: consentNotices.bodyZh,
      createdAt: consentNotices.createdAt,
      createdByName: users.name,
    })
    .from(consentNotices)
    .leftJoin(users, eq(users.id, consentNotices.createdByUserId))
    .where(and(eq(consentNotices.tenantId, ctx.tenantId)))
    .orderBy(desc(consentNotices.version));
}
