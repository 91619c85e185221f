import { Clock, UserRound } from 'lucide-react';
import Link from 'next/link';
import { Avatar, AvatarFallback } from '@/components/ui/avatar';
import { formatListTime } from '@/lib/inbox/format';
import type { ConversationView } from '@/lib/inbox/views';
import { isWindowOpen } from '@/lib/whatsapp/outbound/window';
import { cn } from '@/lib/utils';
import { initials } from './thread-header';

export function ConversationItem({ conversation, href, selected, currentUserId }: { conversation: ConversationView; href: string; selected: boolean; currentUserId: string }) {
  const { customer, assignee, unreadCount } = conversation;
  const windowOpen = isWindowOpen(conversation.lastInboundAt ? new Date(conversation.lastInboundAt) : null);
  return (
    <li>
      <Link
        href={href}
        aria-current={selected ? 'page' : undefined}
        data-testid="conversation"
        className={cn(
          'flex gap-3 border-b px-3 py-3 transition-colors hover:bg-accent focus-visible:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset',
          selected && 'bg-accent',
        )}
      >
        <Avatar className="size-10">
          <AvatarFallback className="bg-primary/10 text-primary">{initials(customer.name)}</AvatarFallback>
        </Avatar>
        <span className="flex min-w-0 flex-1 flex-col gap-0.5">
          <span className="flex items-baseline gap-2">
            <span className={cn('truncate', unreadCount > 0 ? 'font-semibold' : 'font-medium')}>{customer.name}</span>
            <time dateTime={conversation.lastMessageAt} className={cn('ml-auto shrink-0 text-xs', unreadCount > 0 ? 'font-medium text-primary' : 'text-muted-foreground')}>
              {formatListTime(conversation.lastMessageAt)}
            </time>
          </span>
          <span className="flex items-center gap-2">
            <span className={cn('truncate text-sm', unreadCount > 0 ? 'text-foreground' : 'text-muted-foreground')}>{conversation.lastMessagePreview ?? 'No messages yet'}</span>
            {unreadCount > 0 ? (
              <span className="ml-auto flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full bg-primary px-1.5 text-xs font-semibold text-primary-foreground" data-testid="unread">
                {unreadCount}
                <span className="sr-only"> unread</span>
              </span>
            ) : null}
          </span>
          <span className="flex items-center gap-3 text-xs text-muted-foreground">
            <span className="truncate">{customer.phone ?? conversation.channel.name}</span>
            {assignee ? (
              <span className="flex min-w-0 items-center gap-1">
                <UserRound className="size-3 shrink-0" aria-hidden="true" />
                <span className="truncate">{assignee.id === currentUserId ? 'You' : assignee.name}</span>
              </span>
            ) : null}
            {windowOpen ? null : (
              <span className="flex shrink-0 items-center gap-1" title="24-hour window closed: templates only">
                <Clock className="size-3" aria-hidden="true" />
                Templates only
              </span>
            )}
            {conversation.status === 'resolved' ? <span className="shrink-0">Resolved</span> : null}
          </span>
        </span>
      </Link>
    </li>
  );
}
