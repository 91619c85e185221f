'use client';

import { MessagesSquare } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import type { SendableTemplate } from '@/lib/inbox/templates';
import { SERVICE_WINDOW_MS, isWindowOpen } from '@/lib/whatsapp/outbound/window';
import { cn } from '@/lib/utils';
import { Composer } from './composer';
import { ConversationList } from './conversation-list';
import { inboxHref } from './inbox-href';
import { MessageTimeline } from './message-timeline';
import { type TeamMember, ThreadHeader } from './thread-header';
import { type InboxSnapshot, type ThreadState, useInbox } from './use-inbox';

// The customer's latest message, as far as this page has seen, decides the 24-hour window.
function lastInboundAt(thread: ThreadState): Date | null {
  const times = [thread.conversation.lastInboundAt, thread.messages.findLast((m) => m.direction === 'inbound')?.createdAt].filter((t): t is string => Boolean(t));
  return times.length ? new Date(Math.max(...times.map((t) => Date.parse(t)))) : null;
}

// Conversation list on the left, the open thread on the right; on a phone, one at a time.
export function Inbox({ snapshot, me, members, templates }: { snapshot: InboxSnapshot; me: TeamMember; members: TeamMember[]; templates: SendableTemplate[] }) {
  const inbox = useInbox(snapshot, { id: me.userId, name: me.name });
  const { thread } = inbox;
  const lastInbound = thread ? lastInboundAt(thread) : null;
  return (
    // Full height under the app header, edge to edge inside the page padding.
    <div className="-mx-4 -my-6 flex h-[calc(100dvh-3.5rem)] overflow-hidden md:-mx-8">
      <section aria-label="Conversations" className={cn('w-full min-w-0 flex-col md:flex md:w-80 md:border-r lg:w-96', thread ? 'hidden' : 'flex')}>
        <ConversationList
          conversations={inbox.list}
          filter={snapshot.filter}
          q={snapshot.q}
          selectedId={thread?.conversation.id ?? null}
          currentUserId={me.userId}
          hasMore={inbox.listCursor !== null}
          onLoadMore={inbox.loadMore}
        />
      </section>
      <section aria-label={thread ? `Conversation with ${thread.conversation.customer.name}` : 'Conversation'} className={cn('min-w-0 flex-1 flex-col', thread ? 'flex' : 'hidden md:flex')}>
        {thread ? (
          <>
            <ThreadHeader
              conversation={thread.conversation}
              members={members}
              currentUserId={me.userId}
              backHref={inboxHref({ filter: snapshot.filter, q: snapshot.q })}
              busy={inbox.busy}
              onAssign={inbox.assign}
              onStatus={inbox.setStatus}
            />
            <MessageTimeline
              messages={thread.messages}
              customerName={thread.conversation.customer.name}
              hasOlder={thread.olderCursor !== null}
              loadingOlder={inbox.loadingOlder}
              onLoadOlder={inbox.loadOlder}
            />
            <Composer
              key={thread.conversation.id}
              windowOpen={isWindowOpen(lastInbound)}
              windowClosesAt={lastInbound ? new Date(lastInbound.getTime() + SERVICE_WINDOW_MS).toISOString() : null}
              customerName={thread.conversation.customer.name}
              templates={templates}
              onSend={inbox.send}
            />
          </>
        ) : (
          <div className="flex flex-1 items-center justify-center bg-muted/40 p-6">
            <EmptyState icon={MessagesSquare} title="Choose a conversation" description="Pick a chat on the left to read it and reply." className="border-none" />
          </div>
        )}
      </section>
    </div>
  );
}
