import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tenantSettings } from '@/db/schema';
import { DEFAULT_NOTICE } from '@/lib/consent/notices';
import { AppError } from '@/lib/errors';
import { provisionTenant } from '@/lib/tenants/provision';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, addMember, auditActions, createTestTenant } from '@/lib/testing/factories';
import { type TwoTenants, createTwoTenants } from '@/lib/testing/isolation';
import { type PdpaSettingsInput, getPdpaSettings, listNoticeVersions, pdpaSettingsSchema, updatePdpaSettings } from './settings';

const test = useTestDatabase();
let t: TwoTenants;
let agent: MemberContext;

// The form as the owner submits it: every field a string.
const form = (overrides: Record<string, string> = {}) => ({
  brandName: 'Kopi Aisyah',
  noticeMs: DEFAULT_NOTICE.bodyMs,
  noticeEn: DEFAULT_NOTICE.bodyEn,
  noticeZh: '',
  consentReminderHours: '20',
  retentionMessageMonths: '',
  retentionInactiveYears: 'keep',
  dpoName: '',
  dpoEmail: '',
  dpoPhone: '',
  ...overrides,
});
const parse = (overrides: Record<string, string> = {}): PdpaSettingsInput => pdpaSettingsSchema.parse(form(overrides));
const problems = (overrides: Record<string, string>) => Object.fromEntries((pdpaSettingsSchema.safeParse(form(overrides)).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

beforeAll(async () => {
  t = await createTwoTenants(test.db);
  await provisionTenant(test.db, { tenantId: t.a.tenantId });
  await provisionTenant(test.db, { tenantId: t.b.tenantId });
  agent = await addMember(test.db, t.a, 'agent');
});

describe('pdpaSettingsSchema', () => {
  it('reads "keep" and blanks as none, trims, and writes the DPO phone as E.164', () => {
    expect(parse({ retentionMessageMonths: '6', dpoName: ' Siti DPO ', dpoEmail: 'dpo@kopi.my', dpoPhone: '03-2123 4567' })).toMatchObject({
      consentReminderHours: 20,
      retentionMessageMonths: 6,
      retentionInactiveYears: null,
      noticeZh: null,
      dpoName: 'Siti DPO',
      dpoEmail: 'dpo@kopi.my',
      dpoPhone: '+60321234567',
    });
  });

  it('keeps the reminder inside the 24-hour window', () => {
    expect(problems({ consentReminderHours: '24' }).consentReminderHours).toMatch(/inside the 24-hour window/);
    expect(problems({ consentReminderHours: '0' }).consentReminderHours).toMatch(/At least 1 hour/);
    expect(problems({ consentReminderHours: '1.5' }).consentReminderHours).toMatch(/whole hours/);
    expect(parse({ consentReminderHours: '23' }).consentReminderHours).toBe(23);
  });

  it('checks notices, retention and the DPO contact', () => {
    expect(problems({ noticeMs: '' }).noticeMs).toBe('Write the notice.');
    expect(problems({ noticeEn: 'Hi {{name}}! Reply YES. Type STOP to opt out.' }).noticeEn).toMatch(/\{\{brand\}\}/);
    expect(problems({ noticeZh: '{{brand}}：回复 YES 同意，{{nama}} STOP' }).noticeZh).toMatch(/\{\{nama\}\}/);
    expect(problems({ retentionMessageMonths: '0' }).retentionMessageMonths).toMatch(/At least 1 month/);
    expect(problems({ retentionInactiveYears: '21' }).retentionInactiveYears).toMatch(/At most 20 years/);
    expect(problems({ retentionInactiveYears: 'forever' }).retentionInactiveYears).toMatch(/number of years/);
    expect(problems({ dpoEmail: 'not-an-email' }).dpoEmail).toMatch(/email address/);
    expect(problems({ dpoPhone: '12' }).dpoPhone).toMatch(/Not a valid phone number/);
    expect(problems({ brandName: ' ' }).brandName).toMatch(/brand/);
  });
});

describe('updatePdpaSettings', () => {
  it("starts from provisioning's defaults: the tenant's name and notice version 1", async () => {
    expect(await getPdpaSettings(test.db, t.a)).toMatchObject({
      brandName: 'Kedai Tenant A',
      consentReminderHours: 20,
      retentionMessageMonths: null,
      notice: { version: 1, bodyMs: DEFAULT_NOTICE.bodyMs, bodyEn: DEFAULT_NOTICE.bodyEn, bodyZh: null },
    });
  });

  it('saves the settings and keeps version 1 when the notice texts did not change', async () => {
    const saved = await updatePdpaSettings(test.db, t.a, parse({ noticeMs: `  ${DEFAULT_NOTICE.bodyMs.replaceAll('\n', '\r\n')}\n`, retentionMessageMonths: '12', dpoEmail: 'dpo@kopi.my' }));

    expect(saved).toEqual({ noticeVersion: 1, newNoticeVersion: false });
    expect(await getPdpaSettings(test.db, t.a)).toMatchObject({ brandName: 'Kopi Aisyah', retentionMessageMonths: 12, dpoEmail: 'dpo@kopi.my', notice: { version: 1 } });
    const actions = await auditActions(test.db, t.a.tenantId);
    expect(actions).toContain('pdpa_settings.updated');
    expect(actions).not.toContain('consent_notice.created');
  });

  it('makes a changed notice a new version and keeps the old ones', async () => {
    const zh = '您好 {{name}}！{{brand}} 想通过 WhatsApp 联系您。回复 YES 同意，随时输入 STOP 退订。';
    const saved = await updatePdpaSettings(test.db, t.a, parse({ noticeZh: zh, retentionMessageMonths: '12', dpoEmail: 'dpo@kopi.my' }));

    expect(saved).toEqual({ noticeVersion: 2, newNoticeVersion: true });
    const versions = await listNoticeVersions(test.db, t.a);
    expect(versions.map((v) => [v.version, v.bodyZh])).toEqual([
      [2, zh],
      [1, null],
    ]);
    expect(versions[0]?.createdByName).toBe('Ali Owner');
    expect(await auditActions(test.db, t.a.tenantId)).toContain('consent_notice.created');
    // Another tenant's notice is untouched.
    expect((await listNoticeVersions(test.db, t.b)).map((v) => v.version)).toEqual([1]);
  });

  it('works before provisioning has run: defaults first, then the row and version 1', async () => {
    const c = await createTestTenant(test.db, 'Kedai Baru');
    expect(await getPdpaSettings(test.db, c)).toMatchObject({ brandName: 'Kedai Baru', consentReminderHours: 20, notice: null });

    expect(await updatePdpaSettings(test.db, c, parse({ brandName: 'Baru' }))).toEqual({ noticeVersion: 1, newNoticeVersion: true });
    const [row] = await test.db.select().from(tenantSettings).where(eq(tenantSettings.tenantId, c.tenantId));
    expect(row?.brandName).toBe('Baru');
  });

  it('is for owners and admins only', async () => {
    await expect(updatePdpaSettings(test.db, agent, parse())).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'forbidden');
    const admin = await addMember(test.db, t.b, 'admin');
    expect(await updatePdpaSettings(test.db, admin, parse({ brandName: 'B Brand' }))).toEqual({ noticeVersion: 1, newNoticeVersion: false });
  });
});
