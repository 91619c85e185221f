import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InngestTestEngine } from '@inngest/test';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '@/db/schema';
import { setFunctionDb } from '@/inngest/database';
import { customerByPhone, newPhone, say, settle } from '@/lib/automation/test-helpers';
import { useTestDatabase } from '@/lib/testing/database';
import { type MemberContext, createTestTenant } from '@/lib/testing/factories';
import { consentReminderFunction } from './reminder';

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'sembang-reminder-fn-'));

const t = useTestDatabase();
let shop: MemberContext;

beforeAll(async () => {
  setFunctionDb(t.db);
  shop = await createTestTenant(t.db, 'Kedai Inngest');
  await settle(t.db);
});
afterAll(() => setFunctionDb(undefined));

describe('consent-reminder function', () => {
  it('sends the one reminder inside a step', async () => {
    const phone = newPhone();
    await say(t.db, shop, phone, 'hello');
    const customer = await customerByPhone(t.db, shop, phone);
    const engine = new InngestTestEngine({ function: consentReminderFunction });

    const { ctx, error } = await engine.execute({ events: [{ name: 'consent/reminder', data: { tenantId: shop.tenantId, customerId: customer!.id } }] });

    expect(error).toBeUndefined();
    expect(ctx.step.run).toHaveBeenCalledWith('send-reminder', expect.any(Function));
    const sent = await t.db.select().from(messages).where(and(eq(messages.customerId, customer!.id), eq(messages.direction, 'outbound')));
    expect(sent.filter((m) => m.content.automation === 'consent.reminder')).toHaveLength(1);
    expect((await customerByPhone(t.db, shop, phone))?.consentReminderSentAt).toEqual(expect.any(Date));
  });

  it('rejects an event whose data does not match the schema, without running the step', async () => {
    const engine = new InngestTestEngine({ function: consentReminderFunction });
    const { ctx, error } = await engine.execute({ events: [{ name: 'consent/reminder', data: { tenantId: shop.tenantId } }] });
    expect(error).toMatchObject({ name: 'EventValidationError' });
    expect(ctx.step.run).not.toHaveBeenCalled();
  });
});
