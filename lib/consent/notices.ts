import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { type ConsentNotice, consentNotices } from '@/db/schema';

// The customer's own consent notice (reference seed, "First Contact Templates"), version 1 of
// every tenant's notice.
export const DEFAULT_NOTICE = {
  bodyMs:
    'Hi {{name}}! Anda dihubungi oleh {{brand}} berkaitan pembelian/promosi produk kami.\n' +
    'Dengan membalas YA, anda memberi kebenaran untuk kami menghantar mesej WhatsApp tentang resit, sokongan & promosi. Balas TIDAK untuk menolak.\n' +
    'Anda boleh berhenti pada bila-bila masa dengan taip STOP.',
  bodyEn:
    'Hi {{name}}! This is {{brand}} about your purchase/promotions.\n' +
    'Reply YES to consent to receive WhatsApp messages for receipts, support & promos. Reply NO to decline.\n' +
    'You can opt out anytime by typing STOP.',
} as const;

export type NoticeLanguage = 'ms' | 'en' | 'zh';

// The notice customers are shown now: the newest version.
export async function currentNotice(db: Database, tenantId: string): Promise<ConsentNotice | null> {
  const [row] = await db
    .select()
    .from(consentNotices)
    .where(eq(consentNotices.tenantId, tenantId))
    .orderBy(desc(consentNotices.version))
    .limit(1);
  return row ?? null;
}

export async function noticeVersion(db: Database, tenantId: string, version: number): Promise<ConsentNotice | null> {
  const [row] = await db
    .select()
    .from(consentNotices)
    .where(and(eq(consentNotices.tenantId, tenantId), eq(consentNotices.version, version)))
    .limit(1);
  return row ?? null;
}

// Version 1 with the seed's texts; a no-op when the tenant already has a notice.
export async function ensureDefaultNotice(db: Database, tenantId: string): Promise<void> {
  await db
    .insert(consentNotices)
    .values({ tenantId, version: 1, bodyMs: DEFAULT_NOTICE.bodyMs, bodyEn: DEFAULT_NOTICE.bodyEn })
    .onConflictDoNothing({ target: [consentNotices.tenantId, consentNotices.version] });
}

// Fills {{name}} and {{brand}}; unknown placeholders are left as written.
export function renderNotice(body: string, values: { name: string; brand: string }): string {
  return body.replace(/\{\{\s*(name|brand)\s*\}\}/g, (_, key: 'name' | 'brand') => values[key]);
}
