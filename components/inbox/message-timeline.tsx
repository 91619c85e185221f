'use client';

import { MessagesSquare } from 'lucide-react';
import { Fragment, useLayoutEffect, useMemo, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { dayKey, formatDayLabel } from '@/lib/inbox/format';
import { foldReactions } from '@/lib/inbox/reactions';
import type { MessageView } from '@/lib/inbox/views';
import { MessageBubble } from './message-bubble';

// Within this many pixels of the bottom, new messages scroll into view.
const STICKY_BOTTOM_PX = 120;

export function MessageTimeline({
  messages,
  customerName,
  hasOlder,
  loadingOlder,
  onLoadOlder,
}: {
  messages: MessageView[];
  customerName: string;
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const previous = useRef<{ first?: string; last?: string; height: number }>({ height: 0 });
  const { shown, reactions } = useMemo(() => foldReactions(messages), [messages]);

  // New messages at the end keep the view at the bottom (always for our own sends); older
  // ones loaded at the top keep what the agent was reading in place.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const first = messages[0]?.id;
    const last = messages[messages.length - 1];
    const prev = previous.current;
    if (prev.first && first !== prev.first && last?.id === prev.last) el.scrollTop += el.scrollHeight - prev.height;
    else if (last?.id !== prev.last && (atBottom.current || !prev.last || last?.direction === 'outbound')) el.scrollTop = el.scrollHeight;
    previous.current = { first, last: last?.id, height: el.scrollHeight };
  }, [messages]);

  if (messages.length === 0) {
    return (
      <div className="flex flex-1 items-center justify-center p-4">
        <EmptyState icon={MessagesSquare} title="No messages yet" description="Start the conversation with an approved template." className="min-h-0 border-none" titleAs="h3" />
      </div>
    );
  }

  return (
    <div
      ref={scroller}
      className="flex-1 overflow-y-auto bg-muted/40 px-3 py-4 sm:px-6"
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICKY_BOTTOM_PX;
      }}
    >
      {hasOlder ? (
        <div className="mb-4 flex justify-center">
          <Button variant="outline" size="sm" onClick={onLoadOlder} disabled={loadingOlder}>
            {loadingOlder ? 'Loading…' : 'Load earlier messages'}
          </Button>
        </div>
      ) : null}
      <div role="log" aria-label="Messages">
        <ol className="mx-auto grid max-w-3xl gap-2">
          {shown.map((message, i) => {
            const day = dayKey(message.createdAt);
            const newDay = i === 0 || dayKey(shown[i - 1]?.createdAt ?? '') !== day;
            return (
              <Fragment key={message.id}>
                {newDay ? (
                  <li className="my-2 flex justify-center">
                    <span className="rounded-md bg-background px-3 py-1 text-xs font-medium text-muted-foreground shadow-xs">{formatDayLabel(message.createdAt)}</span>
                  </li>
                ) : null}
                <MessageBubble message={message} reactions={reactions.get(message.id)} customerName={customerName} />
              </Fragment>
            );
          })}
        </ol>
      </div>
    </div>
  );
}
