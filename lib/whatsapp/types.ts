import type { MessageType } from '@/db/schema';

// The shapes the rest of Sembang works with, whatever the channel. Webhook parsing produces
// them (lib/whatsapp/webhook), providers consume them (lib/whatsapp/providers).

export interface InboundContact {
  waId: string | null;
  // Meta's business-scoped user id; may come without a phone number.
  userId: string | null;
  profileName: string | null;
}

export interface InboundMedia {
  providerMediaId: string;
  mimeType: string | null;
  sha256: string | null;
  fileName: string | null;
}

export interface InboundMessage {
  wamid: string;
  timestamp: Date;
  type: MessageType;
  // Body, caption, button/list title or a one-line summary ("📍 Location: …").
  text: string | null;
  // Type-specific details the inbox shows (location, contact cards, reaction target, referral…).
  content: Record<string, unknown>;
  media: InboundMedia | null;
  replyToWamid: string | null;
}

export type StatusValue = 'sent' | 'delivered' | 'read' | 'played' | 'failed';

export interface StatusUpdate {
  wamid: string;
  status: StatusValue;
  timestamp: Date;
  recipientWaId: string | null;
  errorCode: number | null;
  errorTitle: string | null;
}

export type WebhookEvent =
  | { kind: 'message'; phoneNumberId: string; contact: InboundContact; message: InboundMessage }
  | { kind: 'status'; phoneNumberId: string; status: StatusUpdate }
  // user_preferences webhook: the user stopped (or resumed) marketing messages.
  | { kind: 'marketing_preference'; phoneNumberId: string; contact: InboundContact; preference: 'stop' | 'resume'; timestamp: Date };

export interface Recipient {
  waId: string | null;
  phone: string | null;
  userId: string | null;
}
