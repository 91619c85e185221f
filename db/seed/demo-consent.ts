import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, messages } from '@/db/schema';
import { applyMarketingPreference } from '@/lib/consent/marketing-preference';
import { recordConsentChange } from '@/lib/consent/record';
import { sendConsentReminder } from '@/lib/consent/reminder';
import { setCustomerDetails, setCustomerIc } from '@/lib/customers/profile';
import { localJobClient } from '@/lib/jobs/local-driver';
import type { TenantContext } from '@/lib/tenants/context';
import { sandboxChannel } from '@/lib/whatsapp/sandbox/channel';
import { simulateInbound } from '@/lib/whatsapp/sandbox/simulate-inbound';
import { runDemoJobs, seedJobs, settleSummaries } from './demo-automation';
import { demoPhone } from './demo-conversations';

// The demo customers' consent, in every state, with its evidence. Answers, IC numbers and
// profile words are the customers' own WhatsApp messages through the real path, half an hour
// after their first message (the notice went out then); reminders, Meta opt-outs and the
// team's manual changes use the same lib functions the app does. The three newest customers
// stay pending with their reminder still to come; those who wrote before the launch
// (demo-automation.ts) were never asked.

type Step =
  | readonly ['say', string]
  | readonly ['tap', string]
  // Sent after every other customer's messages were handled (the duplicate IC).
  | readonly ['later', string]
  | readonly ['remind']
  | readonly ['meta-stop']
  | readonly ['admin' | 'import', 'granted' | 'withdrawn', string, string?];

// Synthetic MyKad numbers: valid dates and place codes, 1900s and 2000s births, both genders.
const scripts: Readonly<Record<number, readonly Step[]>> = {
  3: [['tap', 'YA'], ['say', '850612-14-5523'], ['say', 'BERKAHWIN']],
  4: [['say', 'YES'], ['say', '010315-10-0846'], ['say', 'single']],
  5: [['say', 'Setuju'], ['say', 'IC saya 780920-07-5091'], ['say', 'L']],
  6: [['tap', 'TIDAK']],
  7: [['say', 'ya'], ['say', '930101126678'], ['say', 'STOP']],
  8: [['remind']],
  9: [['tap', 'YES'], ['say', '901331-01-1234'], ['say', '901231-01-1234'], ['say', 'married']],
  10: [['say', 'no']],
  11: [['say', 'OK'], ['say', '030708-13-1127'], ['say', 'NB']],
  12: [['say', 'YA'], ['meta-stop']],
  13: [['say', 'berhenti']],
  14: [['tap', 'YA'], ['say', '650228 01 5432'], ['say', 'BALU']],
  15: [['tap', 'YES'], ['say', '720814-66-5208'], ['say', 'divorced']],
  16: [['tap', 'YA'], ['say', '880229-03-4412'], ['say', 'P bujang']],
  17: [['say', 'YES'], ['say', '000101-16-0017']],
  18: [['say', 'YA'], ['later', '000101-16-0017']],
  19: [['remind']],
  20: [['admin', 'granted', 'Signed the loyalty form at the Bangsar counter', '960417-06-2234']],
  21: [['import', 'granted', 'Imported from the loyalty-card list (signed form on file)', '050930-11-0391']],
  22: [['admin', 'withdrawn', 'Asked by phone not to receive any promotions']],
};

const MINUTE = 60_000;

async function demoCustomer(db: Database, tenantId: string, i: number) {
  const [customer] = await db.select().from(customers).where(and(eq(customers.tenantId, tenantId), eq(customers.phone, demoPhone(i))));
  if (!customer) throw new Error(`demo customer ${i} was not seeded`);
  const [first] = await db.select({ createdAt: messages.createdAt }).from(messages).where(eq(messages.customerId, customer.id)).orderBy(messages.createdAt).limit(1);
  return { customer, firstAt: first?.createdAt ?? customer.createdAt };
}

// The notice's button with this title, as the simulator taps it.
async function noticeButton(db: Database, customerId: string, title: string) {
  const notices = await db.select({ wamid: messages.wamid, content: messages.content }).from(messages).where(and(eq(messages.customerId, customerId), eq(messages.type, 'interactive')));
  for (const notice of notices) {
    const buttons = (notice.content.interactive as { buttons?: { id: string; title: string }[] } | undefined)?.buttons ?? [];
    const button = buttons.find((b) => b.title === title);
    if (button && notice.wamid) return { replyToWamid: notice.wamid, id: button.id, title };
  }
  throw new Error(`no notice button "${title}" for demo customer ${customerId}`);
}

export async function seedDemoConsent(db: Database, ctx: TenantContext): Promise<void> {
  const ref = (customerId: string) => ({ tenantId: ctx.tenantId, customerId });
  const later: (() => Promise<unknown>)[] = [];
  const afterwards: (() => Promise<unknown>)[] = [];
  for (const [key, steps] of Object.entries(scripts)) {
    const { customer, firstAt } = await demoCustomer(db, ctx.tenantId, Number(key));
    const phone = customer.phone ?? '';
    const at = (n: number) => ({ jobs: localJobClient, at: new Date(firstAt.getTime() + (30 + 3 * n) * MINUTE) });
    for (const [n, step] of steps.entries()) {
      if (step[0] === 'say') await simulateInbound(db, ctx, { phone, message: { type: 'text', text: step[1] } }, at(n));
      else if (step[0] === 'tap') await simulateInbound(db, ctx, { phone, message: { type: 'button_reply', ...(await noticeButton(db, customer.id, step[1])) } }, at(n));
      else if (step[0] === 'later') later.push(() => simulateInbound(db, ctx, { phone, message: { type: 'text', text: step[1] } }, at(n)));
      else if (step[0] === 'remind') {
        afterwards.push(async () => {
          const [row] = await db.select({ requestedAt: customers.consentRequestedAt }).from(customers).where(eq(customers.id, customer.id));
          if (row?.requestedAt) await sendConsentReminder(db, ref(customer.id), { now: new Date(row.requestedAt.getTime() + 20 * 60 * MINUTE), jobs: seedJobs });
        });
      } else if (step[0] === 'meta-stop') {
        afterwards.push(() => applyMarketingPreference(db, { ...ref(customer.id), preference: 'stop', occurredAt: at(n + 600).at.toISOString() }));
      } else {
        const [, status, reason, icNumber] = step;
        const occurredAt = at(n).at;
        afterwards.push(async () => {
          await recordConsentChange(db, { ...ref(customer.id), status, source: step[0], reason, actorUserId: step[0] === 'admin' ? ctx.userId : null, occurredAt });
          if (icNumber) await setCustomerIc(db, ref(customer.id), icNumber);
          if (icNumber) await setCustomerDetails(db, ref(customer.id), { maritalStatus: 'single' });
        });
      }
    }
  }
  await runDemoJobs(db, ctx.tenantId);
  for (const send of later) await send();
  await runDemoJobs(db, ctx.tenantId);
  for (const act of afterwards) await act();
  await runDemoJobs(db, ctx.tenantId);
  const channel = await sandboxChannel(db, ctx.tenantId);
  await settleSummaries(db, ctx.tenantId, channel.id);
}
