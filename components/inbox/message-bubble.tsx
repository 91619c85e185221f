import type { MessageView, QuotedMessageView } from '@/lib/inbox/views';
import { formatDateTime, formatTime } from '@/lib/inbox/format';
import { cn } from '@/lib/utils';
import { MessageBody } from './message-body';
import { MessageTicks } from './message-ticks';

function Quoted({ quoted, customerName }: { quoted: QuotedMessageView; customerName: string }) {
  return (
    <div className="mb-1 rounded-md border-l-4 border-primary/70 bg-black/5 px-2 py-1 text-xs dark:bg-white/10">
      <span className="block font-medium text-primary">{quoted.direction === 'outbound' ? 'You' : customerName}</span>
      <span className="line-clamp-2 text-muted-foreground">{quoted.text ?? `[${quoted.type}]`}</span>
    </div>
  );
}

export function MessageBubble({ message, reactions, customerName }: { message: MessageView; reactions?: string[]; customerName: string }) {
  const outbound = message.direction === 'outbound';
  const failed = message.status === 'failed';
  const who = outbound ? (message.sentBy?.name ?? 'Sembang') : customerName;
  return (
    <li
      className={cn('flex flex-col', outbound ? 'items-end' : 'items-start', reactions?.length ? 'mb-3' : undefined)}
      data-testid="message"
      data-direction={message.direction}
      data-status={message.status}
    >
      <div
        className={cn(
          'relative max-w-[85%] min-w-24 rounded-lg px-3 py-1.5 text-sm shadow-xs sm:max-w-[70%]',
          outbound ? 'rounded-tr-none bg-emerald-100 dark:bg-emerald-900/70' : 'rounded-tl-none border bg-card',
          failed && 'ring-1 ring-destructive',
        )}
      >
        <span className="sr-only">{outbound ? `Sent by ${who}:` : `${who}:`}</span>
        {message.quoted ? <Quoted quoted={message.quoted} customerName={customerName} /> : null}
        <MessageBody message={message} />
        <div className="mt-0.5 flex items-center justify-end gap-1 text-[11px] text-muted-foreground">
          {outbound && message.sentBy ? <span className="truncate">{message.sentBy.name} ·</span> : null}
          <time dateTime={message.createdAt} title={formatDateTime(message.createdAt)}>
            {formatTime(message.createdAt)}
          </time>
          {outbound ? <MessageTicks status={message.status} /> : null}
        </div>
        {reactions?.length ? (
          <span
            className={cn('absolute -bottom-3 rounded-full border bg-background px-1.5 text-xs shadow-xs', outbound ? 'right-2' : 'left-2')}
            aria-label={`Reactions: ${reactions.join(' ')}`}
          >
            {reactions.join(' ')}
          </span>
        ) : null}
      </div>
      {failed ? (
        <p className="mt-1 max-w-[85%] text-xs text-destructive sm:max-w-[70%]" role="note">
          Not delivered: {message.errorText ?? 'sending failed.'}
        </p>
      ) : null}
    </li>
  );
}
