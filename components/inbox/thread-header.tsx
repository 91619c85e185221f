'use client';

import { ArrowLeft, CheckCircle2, RotateCcw, UserRound } from 'lucide-react';
import Link from 'next/link';
import { Avatar, AvatarFallback } from '@/components/ui/avatar';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import type { ConversationView } from '@/lib/inbox/views';

export interface TeamMember {
  userId: string;
  name: string;
}

export const initials = (name: string) => name.split(/\s+/).map((word) => /[\p{L}\d]/u.exec(word)?.[0] ?? '').join('').slice(0, 2).toUpperCase() || '?';

const UNASSIGNED = 'unassigned';

export function ThreadHeader({
  conversation,
  members,
  currentUserId,
  backHref,
  busy,
  onAssign,
  onStatus,
}: {
  conversation: ConversationView;
  members: TeamMember[];
  currentUserId: string;
  backHref: string;
  busy: boolean;
  onAssign: (userId: string | null) => void;
  onStatus: (status: ConversationView['status']) => void;
}) {
  const { customer, assignee } = conversation;
  const resolved = conversation.status === 'resolved';
  return (
    <header className="flex items-center gap-2 border-b bg-background px-3 py-2">
      <Button asChild variant="ghost" size="icon" className="md:hidden">
        <Link href={backHref} aria-label="Back to conversations">
          <ArrowLeft />
        </Link>
      </Button>
      <Avatar className="size-9">
        <AvatarFallback>{initials(customer.name)}</AvatarFallback>
      </Avatar>
      <div className="grid min-w-0 flex-1">
        <h2 className="truncate font-semibold" data-testid="thread-customer">
          {customer.name}
        </h2>
        <p className="truncate text-xs text-muted-foreground">
          {customer.phone ?? 'No phone number'} · {conversation.channel.name}
        </p>
      </div>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm" disabled={busy} aria-label={assignee ? `Assigned to ${assignee.name}; change` : 'Assign conversation'}>
            <UserRound />
            <span className="hidden max-w-32 truncate sm:inline">{assignee ? (assignee.id === currentUserId ? 'You' : assignee.name) : 'Assign'}</span>
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-56">
          <DropdownMenuLabel>Assign to</DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuRadioGroup value={assignee?.id ?? UNASSIGNED} onValueChange={(value) => onAssign(value === UNASSIGNED ? null : value)}>
            <DropdownMenuRadioItem value={UNASSIGNED}>Nobody</DropdownMenuRadioItem>
            {members.map((m) => (
              <DropdownMenuRadioItem key={m.userId} value={m.userId}>
                <span className="truncate">{m.userId === currentUserId ? `${m.name} (you)` : m.name}</span>
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
        </DropdownMenuContent>
      </DropdownMenu>
      <Button variant={resolved ? 'outline' : 'default'} size="sm" disabled={busy} onClick={() => onStatus(resolved ? 'open' : 'resolved')}>
        {resolved ? <RotateCcw /> : <CheckCircle2 />}
        <span className="hidden sm:inline">{resolved ? 'Reopen' : 'Resolve'}</span>
        <span className="sr-only sm:hidden">{resolved ? 'Reopen' : 'Resolve'}</span>
      </Button>
    </header>
  );
}
