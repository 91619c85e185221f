import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { conversations, customers, messages } from '@/db/schema';
import { localJobClient } from '@/lib/jobs/local-driver';
import { createTemplate } from '@/lib/templates/templates';
import type { TenantContext } from '@/lib/tenants/context';
import { renderTemplateBody } from '@/lib/whatsapp/outbound/window';
import { sandboxChannel } from '@/lib/whatsapp/sandbox/channel';
import { simulateInbound } from '@/lib/whatsapp/sandbox/simulate-inbound';
import { runDemoJobs, settleSummaries } from './demo-automation';

// The demo tenant's history on its sandbox number. Customers' messages go through the real
// path — signed webhooks into acceptWebhookDelivery, processed by the webhook job and the
// conversation automations, run here (demo-automation.ts) because the worker starts only after
// seeding. The business's replies are inserted as they end up after sending and the status
// webhooks (delivered or read), so their times can lie in the past.

type Turn = readonly ['in' | 'out', string] | readonly ['template', 'order' | 'promo', readonly string[]];

const dialogues: readonly (readonly Turn[])[] = [
  [['in', 'Assalamualaikum, kedai buka pukul berapa hari ini?'], ['out', 'Waalaikumussalam! Kami buka 7 pagi hingga 10 malam.'], ['in', 'Terima kasih 🙏']],
  [['in', 'Hi, can I order 2 kopi O ais for pickup at 5pm?'], ['out', 'Sure! 2 kopi O ais at 5pm. Anything else?'], ['in', 'That is all, thanks'], ['template', 'order', ['A-1042', '15']]],
  [['in', 'Ada jual nasi lemak?'], ['out', 'Ada, nasi lemak ayam RM 8.50 dan biasa RM 4.50.']],
  [['in', 'Boleh hantar ke Shah Alam?'], ['out', 'Maaf, kami belum ada penghantaran. Boleh ambil sendiri di kedai ya.'], ['in', 'Ok noted']],
  [['in', 'Hello! Do you have oat milk?'], ['out', 'Yes we do, +RM 2 for any drink.'], ['in', 'Great, see you tomorrow']],
  [['in', 'Saya nak tempah 20 cawan teh tarik untuk majlis Sabtu ni'], ['out', 'Boleh! Untuk 20 cawan kami perlukan deposit RM 30.'], ['in', 'Macam mana nak bayar deposit?'], ['out', 'Boleh DuitNow ke 012-345 6789 (Kedai Kopi Aisyah).']],
  [['template', 'promo', ['Mei Ling', 'buy 2 kaya toast, get 1 free']], ['in', 'Tell me more'], ['out', 'Valid until Sunday at all our outlets 😊']],
  [['in', 'Resit saya hilang, boleh minta salinan?'], ['out', 'Boleh, sila beri nombor pesanan anda.'], ['in', 'A-0988']],
];

const names = [
  'Nur Aisyah', 'Muhammad Hafiz', 'Tan Mei Ling', 'Siti Nurhaliza', 'Arjun Kumar', 'Farah Izzati', 'Lim Wei Jie', 'Ahmad Faizal',
  'Nurul Huda', 'Chong Kah Wai', 'Priya Devi', 'Hakim Rosli', 'Wong Siew Lan', 'Aina Sofea', 'Rajesh Nair', 'Zulkifli Hassan',
  'Lee Hui Min', 'Amirah Zainal', 'Goh Boon Keat', 'Kavitha Raman', 'Irfan Danial', 'Ng Pei Shan', 'Syafiqah Aziz', 'Mohd Aiman',
  'Yap Jia Hui', 'Suresh Menon', 'Nabila Huda', 'Ong Chee Keong', 'Hidayah Osman', 'Daniel Tan',
];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function demoPhone(i: number): string {
  const prefix = ['12', '13', '16', '17', '19'][i % 5];
  return `+60${prefix}${String(2_345_000 + i * 7_919).padStart(7, '0')}`;
}

async function seedTemplates(db: Database, ctx: TenantContext) {
  const order = await createTemplate(db, ctx, {
    name: 'pesanan_siap',
    language: 'ms',
    category: 'utility',
    body: 'Hai! Pesanan {{1}} anda sedang disediakan dan siap dalam {{2}} minit. Terima kasih kerana memilih Kedai Kopi Aisyah.',
    footer: 'Kedai Kopi Aisyah',
    buttons: [{ text: 'Terima kasih' }],
  });
  const promo = await createTemplate(db, ctx, {
    name: 'weekly_promo',
    language: 'en',
    category: 'marketing',
    headerType: 'text',
    headerText: 'This week at Kedai Kopi Aisyah',
    body: 'Hi {{1}}! This week only: {{2}}. Reply STOP to opt out of promotions.',
    buttons: [{ text: 'Tell me more' }, { text: 'Stop promotions' }],
  });
  return { order, promo };
}

type Templates = Awaited<ReturnType<typeof seedTemplates>>;

// The business's reply (text or template) as sending and the status webhooks leave it.
function reply(turn: Turn, templates: Templates, at: Date, recent: boolean, sentByUserId: string | null) {
  const base = { direction: 'outbound' as const, wamid: `wamid.sandbox.${randomUUID()}`, sentByUserId, createdAt: at, sentAt: new Date(at.getTime() + 1000), deliveredAt: new Date(at.getTime() + 2000) };
  const status = recent ? { status: 'delivered' as const } : { status: 'read' as const, readAt: new Date(at.getTime() + 3 * MINUTE) };
  if (turn[0] !== 'template') return { ...base, ...status, type: 'text' as const, text: turn[1], content: {} };
  const template = turn[1] === 'order' ? templates.order : templates.promo;
  const parameters = [...turn[2]];
  const content = { templateId: template.id, name: template.name, language: template.language, parameters };
  return { ...base, ...status, type: 'template' as const, text: renderTemplateBody(template.body, parameters), content };
}

// Thirty customers with a few messages each over the past fortnight, the latest three still
// waiting for an answer; and two approved templates, one in Malay and one in English.
export async function seedDemoConversations(db: Database, ctx: TenantContext, agentId: string | null): Promise<void> {
  const templates = await seedTemplates(db, ctx);
  const channel = await sandboxChannel(db, ctx.tenantId);
  const now = Date.now();
  const replies: { phone: string; turn: Turn; at: Date; recent: boolean }[] = [];
  for (const [i, name] of names.entries()) {
    const phone = demoPhone(i);
    // The first three are recent and unanswered; the rest spread over fourteen days.
    const dialogue = i < 3 ? [['in', i === 1 ? 'Hi, is the kopi susu still RM 4?' : 'Salam, ada meja kosong untuk 4 orang pukul 8?'] as const] : (dialogues[i % dialogues.length] ?? []);
    let at = now - (i < 3 ? (i + 1) * 7 * MINUTE : i * 11 * HOUR);
    for (const turn of dialogue) {
      if (turn[0] === 'in') await simulateInbound(db, ctx, { phone, profileName: name, message: { type: 'text', text: turn[1] } }, { jobs: localJobClient, at: new Date(at) });
      else replies.push({ phone, turn, at: new Date(at), recent: now - at < HOUR });
      at += (2 + (i % 4)) * MINUTE;
    }
  }
  await runDemoJobs(db, ctx.tenantId);

  for (const [n, r] of replies.entries()) {
    const [row] = await db
      .select({ customerId: customers.id, conversationId: conversations.id })
      .from(customers)
      .innerJoin(conversations, and(eq(conversations.customerId, customers.id), eq(conversations.channelId, channel.id)))
      .where(and(eq(customers.tenantId, ctx.tenantId), eq(customers.phone, r.phone)))
      .limit(1);
    if (!row) throw new Error(`demo customer ${r.phone} was not created by the webhook job`);
    const sentBy = n % 2 === 0 ? ctx.userId : agentId;
    await db.insert(messages).values({ tenantId: ctx.tenantId, channelId: channel.id, ...row, ...reply(r.turn, templates, r.at, r.recent, sentBy) });
  }
  await settleSummaries(db, ctx.tenantId, channel.id);
}
