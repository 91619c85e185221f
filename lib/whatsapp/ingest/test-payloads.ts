import { randomUUID } from 'node:crypto';

// Meta-shaped webhook bodies for the ingest tests, built per test so ids never collide.

export type Json = Record<string, unknown>;

export const unix = (iso: string) => String(Math.floor(new Date(iso).getTime() / 1000));

export function delivery(phoneNumberId: string, value: Json, field = 'messages'): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: 'WABA-1', changes: [{ field, value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '60312345678', phone_number_id: phoneNumberId }, ...value } }] }],
  });
}

export function textMessage(waId: string, body: string, opts: { name?: string; wamid?: string; at?: string } = {}): Json {
  return {
    contacts: [{ profile: opts.name === undefined ? {} : { name: opts.name }, wa_id: waId }],
    messages: [{ from: waId, id: opts.wamid ?? `wamid.${randomUUID()}`, timestamp: unix(opts.at ?? '2026-11-21T08:00:00Z'), type: 'text', text: { body } }],
  };
}

export function statusValue(wamid: string, status: string, at: string, errors?: Json[]): Json {
  return { statuses: [{ id: wamid, status, timestamp: unix(at), recipient_id: '60123456789', ...(errors ? { errors } : {}) }] };
}
