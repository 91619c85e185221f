import { pendingMessage } from './merge';
import type { ConversationView, MessageView } from './views';

// View objects for unit tests of the inbox's browser-side logic.

let sequence = 0;

export function messageFixture(overrides: Partial<MessageView> = {}): MessageView {
  sequence += 1;
  return {
    ...pendingMessage('c1', 'text', null, null),
    id: `m${sequence}`,
    direction: 'inbound',
    status: 'received',
    wamid: `wamid.${sequence}`,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, sequence)).toISOString(),
    ...overrides,
  };
}

export function conversationFixture(overrides: Partial<ConversationView> = {}): ConversationView {
  sequence += 1;
  const at = new Date(Date.UTC(2026, 0, 1, 0, sequence)).toISOString();
  return {
    id: `c${sequence}`,
    status: 'open',
    unreadCount: 0,
    lastMessageAt: at,
    lastMessagePreview: null,
    lastInboundAt: null,
    windowOpen: false,
    windowClosesAt: null,
    createdAt: at,
    customer: { id: `customer-${sequence}`, name: 'Customer', phone: null, profileName: null },
    assignee: null,
    channel: { id: 'channel', name: 'Sandbox', type: 'sandbox' },
    ...overrides,
  };
}
