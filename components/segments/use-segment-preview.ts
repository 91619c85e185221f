'use client';

import { useEffect, useState } from 'react';
import type { FieldError } from '@/lib/errors';
import type { SegmentPreview } from '@/lib/segments/preview';
import { fetchPreview } from './segment-api';

// Editing waits this long before the count is asked for again.
const TYPING_DELAY_MS = 400;

export interface PreviewState {
  // The latest answer; kept (dimmed) while the next one is on its way.
  preview: SegmentPreview | null;
  loading: boolean;
  // The server's 422 errors, by the criteria's paths ("filter.and.1.value").
  errors: FieldError[];
  message: string | null;
}

// The live count: asks the server once editing pauses; a newer edit cancels the request on its
// way. `criteria` is null while there is nothing valid to ask about.
export function useSegmentPreview(criteria: unknown | null, initial: SegmentPreview | null): PreviewState {
  const key = criteria === null ? null : JSON.stringify(criteria);
  const [state, setState] = useState<PreviewState>({ preview: initial, loading: false, errors: [], message: null });
  const [lastAsked, setLastAsked] = useState<string | null>(initial ? key : null);

  useEffect(() => {
    if (key === null || key === lastAsked) {
      setState((s) => ({ ...s, loading: false }));
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      fetchPreview(JSON.parse(key), controller.signal)
        .then((answer) => {
          setLastAsked(key);
          setState((s) =>
            answer.ok
              ? { preview: answer.data, loading: false, errors: [], message: null }
              : { preview: s.preview, loading: false, errors: answer.errors, message: answer.errors.length > 0 ? null : answer.message },
          );
        })
        .catch(() => undefined);
    }, TYPING_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, lastAsked]);

  return state;
}
