'use client';

import { useEffect, useRef } from 'react';
import type { InboxChanges } from '@/lib/inbox/changes';
import type { InboxFilter } from '@/lib/inbox/views';

const POLL_INTERVAL_MS = 2500;
// Hidden longer than this, the tab reloads the page instead of catching up change by change.
const STALE_AFTER_MS = 5 * 60_000;

// Polls GET /inbox/changes while the tab is visible. Polling rather than server-sent events:
// every poll is two indexed queries, it works through any proxy and in the embedded
// single-process mode, and a hidden tab costs nothing. One request at a time; a failed one is
// retried on the next tick.
export function useLiveChanges(options: {
  since: string;
  filter: InboxFilter;
  q: string;
  conversationId: string | null;
  onChanges: (changes: InboxChanges) => void;
  onStale: () => void;
}) {
  const { since, filter, q, conversationId } = options;
  const handlers = useRef(options);
  const cursor = useRef(since);

  useEffect(() => {
    handlers.current = options;
  });
  useEffect(() => {
    cursor.current = since;
  }, [since]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | null = null;
    let hiddenAt: number | null = null;

    const schedule = () => {
      clearTimeout(timer);
      if (!document.hidden) timer = setTimeout(poll, POLL_INTERVAL_MS);
    };
    async function poll() {
      if (controller || document.hidden) return;
      controller = new AbortController();
      const params = new URLSearchParams({ since: cursor.current, filter });
      if (q) params.set('q', q);
      if (conversationId) params.set('c', conversationId);
      try {
        const res = await fetch(`/inbox/changes?${params}`, { signal: controller.signal, cache: 'no-store' });
        if (res.ok) {
          const changes = (await res.json()) as InboxChanges;
          cursor.current = changes.until;
          handlers.current.onChanges(changes);
        }
      } catch {
        // Offline or aborted: the next tick tries again.
      } finally {
        controller = null;
        schedule();
      }
    }
    const onVisibility = () => {
      if (document.hidden) {
        hiddenAt = Date.now();
        clearTimeout(timer);
        return;
      }
      const away = hiddenAt === null ? 0 : Date.now() - hiddenAt;
      hiddenAt = null;
      if (away <= STALE_AFTER_MS) return void poll();
      handlers.current.onStale();
      schedule();
    };
    schedule();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearTimeout(timer);
      controller?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [filter, q, conversationId]);
}
