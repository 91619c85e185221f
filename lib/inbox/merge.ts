import type { MessageStatus } from '@/db/schema';
import type { ConversationView, MessageView } from './views';

// How the browser folds live changes into what it shows. Answers can overlap (each poll looks
// back a little) and cross an action's own answer, so merging is by id and idempotent.

const byActivity = (a: ConversationView, b: ConversationView) => b.lastMessageAt.localeCompare(a.lastMessageAt) || b.id.localeCompare(a.id);

export function mergeConversations(current: ConversationView[], changed: ConversationView[]): ConversationView[] {
  if (changed.length === 0) return current;
  const byId = new Map(current.map((c) => [c.id, c]));
  for (const c of changed) byId.set(c.id, c);
  return [...byId.values()].sort(byActivity);
}

// Same order as the server's status rank: a late 'delivered' never hides a 'read'.
const rank: Record<MessageStatus, number> = { received: 0, pending: 0, sent: 1, failed: 2, delivered: 3, read: 4, played: 5 };

function newer(current: MessageView | undefined, incoming: MessageView): MessageView {
  if (!current || rank[incoming.status] >= rank[current.status]) return incoming;
  return current;
}

// Messages not yet confirmed by the server carry a temporary id with this prefix.
export const PENDING_PREFIX = 'pending-';
let pendingCount = 0;

// What the agent just sent, shown at once with a clock until the server has stored it.
export function pendingMessage(conversationId: string, type: MessageView['type'], text: string | null, sentBy: MessageView['sentBy']): MessageView {
  pendingCount += 1;
  return {
    id: `${PENDING_PREFIX}${Date.now()}-${pendingCount}`,
    conversationId,
    direction: 'outbound',
    type,
    text,
    content: {},
    mediaId: null,
    media: null,
    status: 'pending',
    wamid: null,
    quoted: null,
    sentAt: null,
    deliveredAt: null,
    readAt: null,
    failedAt: null,
    errorCode: null,
    errorTitle: null,
    errorText: null,
    sentBy,
    createdAt: new Date().toISOString(),
  };
}

const byTime = (a: MessageView, b: MessageView) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

// Oldest first; optimistic messages stay last until their real row replaces them.
export function mergeMessages(current: MessageView[], changed: MessageView[]): MessageView[] {
  if (changed.length === 0) return current;
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of changed) byId.set(m.id, newer(byId.get(m.id), m));
  const all = [...byId.values()];
  const confirmed = all.filter((m) => !m.id.startsWith(PENDING_PREFIX)).sort(byTime);
  return [...confirmed, ...all.filter((m) => m.id.startsWith(PENDING_PREFIX))];
}

// The optimistic message is swapped for the stored one (which a poll may have brought first).
export function confirmMessage(current: MessageView[], pendingId: string, stored: MessageView): MessageView[] {
  return mergeMessages(
    current.filter((m) => m.id !== pendingId),
    [stored],
  );
}
