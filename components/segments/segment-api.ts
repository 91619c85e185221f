import type { FieldError } from '@/lib/errors';
import type { SegmentPreview } from '@/lib/segments/preview';
import type { SegmentJson } from '@/lib/segments/segments';

// The builder talks to the same endpoints as API clients (/api/v1/segments), signed in by its
// session.

export type Answer<T> = { ok: true; data: T } | { ok: false; status: number; message: string; errors: FieldError[] };

interface ProblemBody {
  detail?: string;
  errors?: FieldError[];
}

export async function call<T>(path: string, init: RequestInit): Promise<Answer<T>> {
  try {
    const res = await fetch(path, { ...init, headers: init.body ? { 'content-type': 'application/json' } : undefined });
    if (res.status === 204) return { ok: true, data: undefined as T };
    const body = (await res.json()) as T | ProblemBody;
    if (res.ok) return { ok: true, data: body as T };
    const problem = body as ProblemBody;
    return { ok: false, status: res.status, message: problem.detail ?? 'Sembang could not do that.', errors: problem.errors ?? [] };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return { ok: false, status: 0, message: 'Could not reach Sembang. Check your connection and try again.', errors: [] };
  }
}

export function fetchPreview(criteria: unknown, signal: AbortSignal): Promise<Answer<SegmentPreview>> {
  return call('/api/v1/segments/preview', { method: 'POST', body: JSON.stringify(criteria), signal });
}

export interface SegmentDraft {
  name: string;
  description: string;
  criteria: unknown;
}

export function saveSegment(id: string | null, draft: SegmentDraft): Promise<Answer<SegmentJson>> {
  return call(id ? `/api/v1/segments/${id}` : '/api/v1/segments', { method: id ? 'PATCH' : 'POST', body: JSON.stringify(draft) });
}

export function removeSegment(id: string): Promise<Answer<undefined>> {
  return call(`/api/v1/segments/${id}`, { method: 'DELETE' });
}
