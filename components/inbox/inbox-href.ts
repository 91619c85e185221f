import type { InboxFilter } from '@/lib/inbox/views';

export const DEFAULT_FILTER: InboxFilter = 'open';

// The inbox's place in the URL: the tab, the search and the open conversation.
export function inboxHref(state: { filter: InboxFilter; q?: string; c?: string | null }): string {
  const params = new URLSearchParams();
  if (state.filter !== DEFAULT_FILTER) params.set('filter', state.filter);
  if (state.q) params.set('q', state.q);
  if (state.c) params.set('c', state.c);
  const query = params.toString();
  return query ? `/inbox?${query}` : '/inbox';
}
