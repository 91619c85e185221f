import { describe, expect, it } from 'vitest';
import type { StatusUpdate } from '@/lib/whatsapp/types';
import { foldStatuses } from './apply-status';

const update = (wamid: string, status: StatusUpdate['status'], second: number, error?: [number, string]): { channelId: string; update: StatusUpdate } => ({
  channelId: 'ch-1',
  update: { wamid, status, timestamp: new Date(Date.UTC(2026, 10, 21, 8, 0, second)), recipientWaId: null, errorCode: error?.[0] ?? null, errorTitle: error?.[1] ?? null },
});
const at = (second: number) => new Date(Date.UTC(2026, 10, 21, 8, 0, second)).toISOString();

describe('foldStatuses', () => {
  it('keeps the highest status and the earliest time of each step, whatever the order', () => {
    const updates = [update('w', 'read', 5), update('w', 'sent', 1), update('w', 'delivered', 3), update('w', 'sent', 9)];
    const expected = { status: 'read', sentAt: at(1), deliveredAt: at(3), readAt: at(5), failedAt: null, failed: false };
    expect(foldStatuses(updates)).toEqual([expect.objectContaining(expected)]);
    expect(foldStatuses([...updates].reverse())).toEqual([expect.objectContaining(expected)]);
  });

  it('lets a later status imply the earlier ones', () => {
    expect(foldStatuses([update('w', 'played', 7)])).toEqual([expect.objectContaining({ status: 'played', sentAt: at(7), deliveredAt: at(7), readAt: at(7) })]);
  });

  it('moves a sent message to failed with its error, but not a delivered one', () => {
    expect(foldStatuses([update('w', 'sent', 1), update('w', 'failed', 2, [131026, 'Message undeliverable'])])).toEqual([
      expect.objectContaining({ status: 'failed', sentAt: at(1), failedAt: at(2), failed: true, errorCode: 131026, errorTitle: 'Message undeliverable' }),
    ]);
    expect(foldStatuses([update('w', 'delivered', 3), update('w', 'failed', 2, [131026, 'x'])])).toEqual([
      expect.objectContaining({ status: 'delivered', deliveredAt: at(3), failedAt: at(2), failed: true }),
    ]);
  });

  it('keeps messages and channels apart', () => {
    const other = { ...update('w', 'read', 4), channelId: 'ch-2' };
    const folded = foldStatuses([update('w', 'sent', 1), update('v', 'delivered', 2), other]);
    expect(folded.map((f) => [f.channelId, f.wamid, f.status])).toEqual([['ch-1', 'w', 'sent'], ['ch-1', 'v', 'delivered'], ['ch-2', 'w', 'read']]);
  });
});
