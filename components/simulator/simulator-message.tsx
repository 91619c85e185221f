import { Reply } from 'lucide-react';
import { DocumentLink, MediaImage } from '@/components/inbox/media-attachment';
import { MessageTicks } from '@/components/inbox/message-ticks';
import { type BubbleButton, TemplateBubble } from '@/components/templates/template-bubble';
import { formatTime } from '@/lib/inbox/format';
import type { SimulatorMessage as Message } from '@/lib/whatsapp/sandbox/thread';

// What the customer sent, as their own phone shows it.
function CustomerContent({ message }: { message: Message }) {
  if ((message.type === 'image' || message.type === 'document') && message.mediaId) {
    return (
      <div className="grid gap-1">
        {message.type === 'image' ? (
          <MediaImage mediaId={message.mediaId} media={message.media} alt={message.text ?? 'Image'} />
        ) : (
          <DocumentLink mediaId={message.mediaId} media={message.media} fallbackName={message.text ?? 'document'} />
        )}
        {message.text && message.text !== message.media?.fileName ? <p className="whitespace-pre-wrap break-words">{message.text}</p> : null}
      </div>
    );
  }
  if (message.type === 'interactive' || message.type === 'button') {
    return (
      <span className="flex items-center gap-1.5">
        <Reply className="size-4 text-emerald-700 dark:text-emerald-300" aria-label="Tapped" />
        {message.text}
      </span>
    );
  }
  return <p className="whitespace-pre-wrap break-words">{message.text ?? `[${message.type}]`}</p>;
}

export function SimulatorMessage({ message, onButton }: { message: Message; onButton: (message: Message, button: BubbleButton) => void }) {
  const time = <time dateTime={message.createdAt}>{formatTime(message.createdAt)}</time>;
  if (message.direction === 'outbound') {
    return (
      <li className="flex justify-start" data-testid="simulator-message" data-from="business" data-status={message.status}>
        <TemplateBubble
          header={message.header}
          body={message.text ?? `[${message.type}]`}
          footer={message.footer}
          buttons={message.buttons}
          onButton={message.wamid ? (button) => onButton(message, button) : undefined}
          meta={
            <>
              {time}
              <MessageTicks status={message.status} />
            </>
          }
        />
      </li>
    );
  }
  return (
    <li className="flex justify-end" data-testid="simulator-message" data-from="customer">
      <div className="max-w-[85%] min-w-20 rounded-lg rounded-tr-none bg-[#d9fdd3] px-2.5 py-1.5 text-sm text-zinc-900 shadow-xs dark:bg-emerald-900 dark:text-zinc-100">
        <CustomerContent message={message} />
        <div className="mt-0.5 flex justify-end text-[11px] text-zinc-500 dark:text-zinc-300">{time}</div>
      </div>
    </li>
  );
}
