import { type Answer, call } from '@/components/segments/segment-api';
import type { ContestJson } from '@/lib/contests/contests';
import type { DrawJson } from '@/lib/contests/draw';
import type { EntryJson } from '@/lib/contests/entries';
import type { WinnerJson } from '@/lib/contests/winners';

// The contest pages talk to the same endpoints as API clients (/api/v1/contests), signed in by
// their session.

export function saveContest(id: string | null, body: unknown): Promise<Answer<ContestJson>> {
  return call(id ? `/api/v1/contests/${id}` : '/api/v1/contests', { method: id ? 'PATCH' : 'POST', body: JSON.stringify(body) });
}

export function removeContest(id: string): Promise<Answer<undefined>> {
  return call(`/api/v1/contests/${id}`, { method: 'DELETE' });
}

export function disqualify(contestId: string, entryId: string, reason: string): Promise<Answer<EntryJson>> {
  return call(`/api/v1/contests/${contestId}/entries/${entryId}/disqualify`, { method: 'POST', body: JSON.stringify({ reason }) });
}

export function runDraw(contestId: string): Promise<Answer<DrawJson>> {
  return call(`/api/v1/contests/${contestId}/draw`, { method: 'POST' });
}

export interface DrawCheckJson {
  commitmentMatches: boolean;
  winnersMatch: boolean;
  entryCount: number;
}

export function verifyDraw(contestId: string): Promise<Answer<DrawCheckJson>> {
  return call(`/api/v1/contests/${contestId}/draw/verify`, { method: 'GET' });
}

export function setClaim(contestId: string, winnerId: string, claimStatus: 'claimed' | 'forfeited'): Promise<Answer<WinnerJson>> {
  return call(`/api/v1/contests/${contestId}/winners/${winnerId}`, { method: 'PATCH', body: JSON.stringify({ claimStatus }) });
}
