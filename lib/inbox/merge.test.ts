import { describe, expect, it } from 'vitest';
import { PENDING_PREFIX, confirmMessage, mergeConversations, mergeMessages } from './merge';
import { conversationFixture, messageFixture } from './testing';
import type { MessageView } from './views';

const conversation = (id: string, lastMessageAt: string, unreadCount = 0) => conversationFixture({ id, lastMessageAt, unreadCount });
const message = (id: string, createdAt: string, status: MessageView['status'] = 'sent') => messageFixture({ id, createdAt, status, direction: 'outbound' });

describe('mergeConversations', () => {
  it('updates in place, adds new ones and keeps the latest activity first', () => {
    const merged = mergeConversations(
      [conversation('a', '2026-01-01T10:00:00.000Z'), conversation('b', '2026-01-01T09:00:00.000Z')],
      [conversation('b', '2026-01-01T11:00:00.000Z', 2), conversation('c', '2026-01-01T09:30:00.000Z')],
    );

    expect(merged.map((c) => [c.id, c.unreadCount])).toEqual([
      ['b', 2],
      ['a', 0],
      ['c', 0],
    ]);
  });
});

describe('mergeMessages', () => {
  it('adds new messages in time order and never moves a status backwards', () => {
    const current = [message('m1', '2026-01-01T10:00:00.000Z', 'read'), message(`${PENDING_PREFIX}1`, '2026-01-01T10:05:00.000Z', 'pending')];

    const merged = mergeMessages(current, [message('m1', '2026-01-01T10:00:00.000Z', 'delivered'), message('m2', '2026-01-01T10:01:00.000Z', 'delivered')]);

    expect(merged.map((m) => [m.id, m.status])).toEqual([
      ['m1', 'read'],
      ['m2', 'delivered'],
      [`${PENDING_PREFIX}1`, 'pending'],
    ]);
  });

  it('lets a failure replace sent', () => {
    expect(mergeMessages([message('m1', '2026-01-01T10:00:00.000Z', 'sent')], [message('m1', '2026-01-01T10:00:00.000Z', 'failed')])[0]?.status).toBe('failed');
  });
});

describe('confirmMessage', () => {
  it('swaps the optimistic message for the stored one, once, even if a poll brought it first', () => {
    const pending = message(`${PENDING_PREFIX}1`, '2026-01-01T10:05:00.000Z', 'pending');
    const stored = message('m9', '2026-01-01T10:05:00.100Z', 'pending');
    const polled = message('m9', '2026-01-01T10:05:00.100Z', 'sent');

    expect(confirmMessage([pending], pending.id, stored).map((m) => m.id)).toEqual(['m9']);
    expect(confirmMessage([pending, polled], pending.id, stored).map((m) => [m.id, m.status])).toEqual([['m9', 'sent']]);
  });
});
