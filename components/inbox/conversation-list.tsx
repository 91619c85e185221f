'use client';

import { Inbox, Search, SearchX } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import type { ConversationView, InboxFilter } from '@/lib/inbox/views';
import { cn } from '@/lib/utils';
import { ConversationItem } from './conversation-item';
import { inboxHref } from './inbox-href';

const tabs: { filter: InboxFilter; label: string }[] = [
  { filter: 'open', label: 'Open' },
  { filter: 'mine', label: 'Mine' },
  { filter: 'resolved', label: 'Resolved' },
  { filter: 'all', label: 'All' },
];

const empty: Record<InboxFilter, { title: string; description: string }> = {
  open: { title: 'No open conversations', description: 'When customers message your WhatsApp number, their chats appear here.' },
  mine: { title: 'Nothing assigned to you', description: 'Conversations assigned to you that are still open appear here.' },
  resolved: { title: 'No resolved conversations', description: 'Resolve a conversation when the customer has what they needed.' },
  all: { title: 'No conversations yet', description: 'When customers message your WhatsApp number, their chats appear here.' },
};

// Waits this long after typing stops before searching.
const SEARCH_DELAY_MS = 400;

export function ConversationList({
  conversations,
  filter,
  q,
  selectedId,
  currentUserId,
  hasMore,
  onLoadMore,
}: {
  conversations: ConversationView[];
  filter: InboxFilter;
  q: string;
  selectedId: string | null;
  currentUserId: string;
  hasMore: boolean;
  onLoadMore: () => void;
}) {
  const router = useRouter();
  const [search, setSearch] = useState(q);
  useEffect(() => {
    if (search.trim() === q) return;
    const timer = setTimeout(() => router.replace(inboxHref({ filter, q: search.trim() })), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search, q, filter, router]);
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="grid gap-3 border-b p-3">
        <h1 className="text-xl font-semibold tracking-tight">Inbox</h1>
        <form
          role="search"
          className="relative"
          onSubmit={(e) => {
            e.preventDefault();
            router.replace(inboxHref({ filter, q: search.trim() }));
          }}
        >
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
          <Input type="search" aria-label="Search conversations" placeholder="Search name, number or message" className="pl-9" value={search} onChange={(e) => setSearch(e.target.value)} />
        </form>
        <nav aria-label="Conversation filter" className="grid grid-cols-4 rounded-lg bg-muted p-[3px] text-sm">
          {tabs.map((tab) => (
            <Link
              key={tab.filter}
              href={inboxHref({ filter: tab.filter, q })}
              aria-current={tab.filter === filter ? 'page' : undefined}
              className={cn(
                'rounded-md px-2 py-1 text-center font-medium text-muted-foreground transition-colors hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none',
                tab.filter === filter && 'bg-background text-foreground shadow-sm dark:bg-input/30',
              )}
            >
              {tab.label}
            </Link>
          ))}
        </nav>
      </div>
      {conversations.length === 0 ? (
        <EmptyState
          icon={q ? SearchX : Inbox}
          title={q ? `Nothing matches “${q}”` : empty[filter].title}
          description={q ? 'Try a name, a phone number or words from a message.' : empty[filter].description}
          className="m-3 min-h-0 flex-1"
          titleAs="h2"
        />
      ) : (
        <ul aria-label="Conversations" className="min-h-0 flex-1 overflow-y-auto">
          {conversations.map((c) => (
            <ConversationItem key={c.id} conversation={c} href={inboxHref({ filter, q, c: c.id })} selected={c.id === selectedId} currentUserId={currentUserId} />
          ))}
          {hasMore ? (
            <li className="flex justify-center p-3">
              <Button variant="outline" size="sm" onClick={onLoadMore}>
                Show more conversations
              </Button>
            </li>
          ) : null}
        </ul>
      )}
    </div>
  );
}
