'use client';

import { useEffect, useState } from 'react';
import { estimateAudienceAction } from '@/app/(app)/campaigns/actions';
import type { AudienceEstimate } from '@/lib/campaigns/audience';
import { type CampaignDraft, draftAudience, draftMessage } from './campaign-draft';
import { runAction } from './run-action';

const DELAY_MS = 400;

export interface EstimateState {
  estimate: AudienceEstimate | null;
  loading: boolean;
  message: string | null;
}

// The eligible count for what the draft chose so far; asked again when the audience, the
// type, the channel or the kind of message changes (free-form text needs an open window).
export function useAudienceEstimate(draft: CampaignDraft, enabled: boolean): EstimateState {
  const [state, setState] = useState<EstimateState>({ estimate: null, loading: false, message: null });
  // Free-form text counts the same whatever it says (only the 24-hour window matters), so
  // typing the message does not ask again.
  const message = draft.messageKind === 'template' ? draftMessage(draft) : { text: 'text' };
  const key = JSON.stringify({ type: draft.type, channelId: draft.channelId, audience: draftAudience(draft), message });

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      runAction(estimateAudienceAction, JSON.parse(key)).then((answer) => {
        if (cancelled) return;
        setState((s) => (answer.ok ? { estimate: answer.data, loading: false, message: null } : { estimate: s.estimate, loading: false, message: answer.error }));
      });
    }, DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, enabled]);

  return state;
}
