import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { type Message, tenantSettings, tenants } from '@/db/schema';
import type { ReplyLanguage } from '@/lib/consent/keywords';
import type { LockedCustomer } from '@/lib/consent/record';
import type { JobClient } from '@/lib/jobs/client';
import { type ConversationRef, type SystemMessage, queueSystemMessages } from '@/lib/whatsapp/outbound/system-message';

export interface TenantConversationSettings {
  brandName: string;
  defaultLanguage: 'ms' | 'en' | 'zh';
  consentReminderHours: number;
}

// One inbound message as the automation steps see it, with the customer's row locked.
export interface InboundTurn {
  tenantId: string;
  now: Date;
  jobs: JobClient;
  message: Pick<Message, 'id' | 'type' | 'text' | 'content' | 'createdAt'>;
  conversation: ConversationRef;
  // Free-form replies are possible only while the customer's 24-hour window is open.
  windowOpen: boolean;
  customer: LockedCustomer;
  settings: TenantConversationSettings;
}

// A step either takes the message (later steps skip it) or lets it pass on.
export type StepOutcome = 'consumed' | 'continue';
export type Step = (tx: Database, turn: InboundTurn) => Promise<StepOutcome>;

// The language to answer in: the one the customer just used, else the one we know they
// speak, else the tenant's. There are no Chinese replies yet, so zh reads English.
export function replyLanguage(turn: Pick<InboundTurn, 'customer' | 'settings'>, used: ReplyLanguage | null = null): ReplyLanguage {
  const known = used ?? turn.customer.language ?? turn.settings.defaultLanguage;
  return known === 'ms' ? 'ms' : 'en';
}

// Sends when the window is open; says whether it did.
export async function reply(tx: Database, turn: InboundTurn, outgoing: SystemMessage[]): Promise<boolean> {
  if (!turn.windowOpen || outgoing.length === 0) return false;
  await queueSystemMessages(tx, turn.conversation, outgoing, { now: turn.now, jobs: turn.jobs });
  return true;
}

// Brand, language and reminder delay; a tenant still being provisioned uses its name.
export async function conversationSettings(db: Database, tenantId: string): Promise<TenantConversationSettings> {
  const [row] = await db
    .select({ name: tenants.name, brandName: tenantSettings.brandName, defaultLanguage: tenantSettings.defaultLanguage, consentReminderHours: tenantSettings.consentReminderHours })
    .from(tenants)
    .leftJoin(tenantSettings, eq(tenantSettings.tenantId, tenants.id))
    .where(eq(tenants.id, tenantId))
    .limit(1);
  if (!row) throw new Error(`tenant ${tenantId} not found`);
  return { brandName: row.brandName ?? row.name, defaultLanguage: row.defaultLanguage ?? 'ms', consentReminderHours: row.consentReminderHours ?? 20 };
}
