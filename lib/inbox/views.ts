import type { ChannelType, Conversation, MessageStatus, MessageType } from '@/db/schema';
import { maskMyKadNumbers } from '@/lib/mykad';
import { isWindowOpen, SERVICE_WINDOW_MS } from '@/lib/whatsapp/outbound/window';
import { codeInfo } from '@/lib/whatsapp/providers/error-codes';

// The inbox's shapes: plain JSON (ISO dates) so a server render, a server action, the live
// updates route and the REST API all hand the browser the same thing.

export const inboxFilters = ['open', 'mine', 'resolved', 'all'] as const;
export type InboxFilter = (typeof inboxFilters)[number];

export interface ConversationView {
  id: string;
  status: Conversation['status'];
  unreadCount: number;
  lastMessageAt: string;
  lastMessagePreview: string | null;
  lastInboundAt: string | null;
  // The 24-hour customer-service window at the time of the answer.
  windowOpen: boolean;
  windowClosesAt: string | null;
  createdAt: string;
  customer: { id: string; name: string; phone: string | null; profileName: string | null };
  assignee: { id: string; name: string } | null;
  channel: { id: string; name: string; type: ChannelType };
}

export interface MessageMediaView {
  mimeType: string | null;
  fileName: string | null;
  sizeBytes: number | null;
  status: 'pending' | 'stored' | 'failed';
}

// The message a reply quotes, or the one a reaction is on.
export interface QuotedMessageView {
  id: string;
  direction: 'inbound' | 'outbound';
  type: MessageType;
  text: string | null;
}

export interface MessageView {
  id: string;
  conversationId: string;
  direction: 'inbound' | 'outbound';
  type: MessageType;
  text: string | null;
  content: Record<string, unknown>;
  mediaId: string | null;
  media: MessageMediaView | null;
  status: MessageStatus;
  wamid: string | null;
  quoted: QuotedMessageView | null;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  failedAt: string | null;
  errorCode: number | null;
  errorTitle: string | null;
  // The failure in words an agent understands.
  errorText: string | null;
  sentBy: { id: string; name: string } | null;
  createdAt: string;
}

export const iso = (d: Date | null) => d?.toISOString() ?? null;

// Message text as the team sees it: an IC number a customer typed is masked, as everywhere
// else; the full number is only shown through the customer page's logged reveal.
export const shownText = (text: string | null) => (text === null ? null : maskMyKadNumbers(text));

interface ConversationRow {
  conversation: Conversation;
  customer: ConversationView['customer'];
  channel: ConversationView['channel'];
  assigneeName: string | null;
}

export function conversationView(row: ConversationRow, now = new Date()): ConversationView {
  const c = row.conversation;
  return {
    id: c.id,
    status: c.status,
    unreadCount: c.unreadCount,
    lastMessageAt: c.lastMessageAt.toISOString(),
    lastMessagePreview: shownText(c.lastMessagePreview),
    lastInboundAt: iso(c.lastInboundAt),
    windowOpen: isWindowOpen(c.lastInboundAt, now),
    windowClosesAt: c.lastInboundAt ? new Date(c.lastInboundAt.getTime() + SERVICE_WINDOW_MS).toISOString() : null,
    createdAt: c.createdAt.toISOString(),
    customer: row.customer,
    assignee: c.assignedUserId && row.assigneeName !== null ? { id: c.assignedUserId, name: row.assigneeName } : null,
    channel: row.channel,
  };
}

export function failureText(status: MessageStatus, code: number | null, title: string | null): string | null {
  if (status !== 'failed') return null;
  return codeInfo(code)?.text ?? title ?? (code === null ? 'Sending failed.' : `WhatsApp refused the message (error ${code}).`);
}
