// Webhook bodies for the sandbox channel, shaped exactly as Meta's Cloud API sends them
// (webhooks/reference/messages and its status page; compare lib/whatsapp/webhook/fixtures),
// so the simulator exercises the same parsing and storage as a real number.

export interface SandboxNumber {
  // entry[].id: the WhatsApp Business Account id (the sandbox has none of its own).
  accountId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
}

export type SimulatedMessage =
  | { type: 'text'; text: string }
  | { type: 'image' | 'document'; mediaId: string; mimeType: string; sha256: string; fileName?: string; caption?: string }
  // A reply button of an interactive message.
  | { type: 'button_reply'; replyToWamid: string; id: string; title: string }
  // A quick-reply button of a template message: Meta reports it as type "button".
  | { type: 'button'; replyToWamid: string; payload: string; text: string };

interface SimulatedCustomer {
  waId: string;
  profileName: string | null;
}

// Meta's per-message pricing object (pricing_model PMP), sent with sent and delivered statuses.
export interface StatusPricing {
  billable: boolean;
  type: 'regular' | 'free_customer_service';
  category: 'marketing' | 'utility' | 'authentication' | 'service';
}

interface SimulatedStatus {
  wamid: string;
  status: 'sent' | 'delivered' | 'read';
  recipientWaId: string;
  at: Date;
  pricing?: StatusPricing;
}

type Json = Record<string, unknown>;

const unixSeconds = (at: Date) => String(Math.floor(at.getTime() / 1000));

function envelope(number: SandboxNumber, value: Json): Json {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: number.accountId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: number.displayPhoneNumber, phone_number_id: number.phoneNumberId },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

function messageBody(number: SandboxNumber, message: SimulatedMessage): Json {
  const context = (id: string) => ({ context: { from: number.displayPhoneNumber, id } });
  switch (message.type) {
    case 'text':
      return { type: 'text', text: { body: message.text } };
    case 'image':
      return { type: 'image', image: { ...(message.caption && { caption: message.caption }), mime_type: message.mimeType, sha256: message.sha256, id: message.mediaId } };
    case 'document':
      return {
        type: 'document',
        document: {
          ...(message.caption && { caption: message.caption }),
          filename: message.fileName,
          mime_type: message.mimeType,
          sha256: message.sha256,
          id: message.mediaId,
        },
      };
    case 'button_reply':
      return { ...context(message.replyToWamid), type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: message.id, title: message.title } } };
    case 'button':
      return { ...context(message.replyToWamid), type: 'button', button: { payload: message.payload, text: message.text } };
  }
}

// One message from a customer, as in a `messages` webhook.
export function inboundMessagePayload(number: SandboxNumber, customer: SimulatedCustomer, message: SimulatedMessage, meta: { wamid: string; at: Date }): Json {
  return envelope(number, {
    contacts: [{ ...(customer.profileName && { profile: { name: customer.profileName } }), wa_id: customer.waId }],
    messages: [{ from: customer.waId, id: meta.wamid, timestamp: unixSeconds(meta.at), ...messageBody(number, message) }],
  });
}

// Status updates for the business's own messages; several may share one delivery.
export function statusPayload(number: SandboxNumber, statuses: SimulatedStatus[]): Json {
  return envelope(number, {
    statuses: statuses.map((s) => ({
      id: s.wamid,
      status: s.status,
      timestamp: unixSeconds(s.at),
      recipient_id: s.recipientWaId,
      ...(s.pricing && { pricing: { billable: s.pricing.billable, pricing_model: 'PMP', type: s.pricing.type, category: s.pricing.category } }),
    })),
  });
}
