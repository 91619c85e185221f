import type { Database } from '@/db';
import { lockCustomerConsent, recordConsentChange } from './record';

// Meta's user_preferences webhook ("Stop promotions" in WhatsApp). A stop withdraws marketing
// consent at once (PDPA s.43). A resume only lifts Meta's own block; it is not the explicit
// consent PDPA asks for, so it changes nothing here (the customer can reply START).
// Redeliveries change nothing: the status is compared under the customer's row lock.
export async function applyMarketingPreference(
  db: Database,
  input: { tenantId: string; customerId: string; preference: 'stop' | 'resume'; occurredAt: string },
): Promise<boolean> {
  if (input.preference === 'resume') return false;
  return db.transaction(async (tx) => {
    const customer = await lockCustomerConsent(tx, input.tenantId, input.customerId);
    if (!customer || customer.consentStatus === 'withdrawn') return false;
    await recordConsentChange(tx, {
      tenantId: input.tenantId,
      customerId: input.customerId,
      status: 'withdrawn',
      source: 'meta_opt_out',
      keyword: 'user_preferences:stop',
      occurredAt: new Date(input.occurredAt),
    });
    return true;
  });
}
