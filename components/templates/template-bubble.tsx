import { FileText, ImageIcon, Reply, Video } from 'lucide-react';
import { cn } from '@/lib/utils';
import type { TemplateHeaderType } from '@/lib/whatsapp/providers';

export interface BubbleButton {
  id: string;
  title: string;
}

const mediaHeaders = { image: ImageIcon, video: Video, document: FileText } as const;

// A business message as WhatsApp shows it to the customer: header, body, footer, then the
// quick-reply buttons under the bubble. With onButton the buttons can be tapped (simulator).
export function TemplateBubble({
  header,
  headerType = header ? 'text' : 'none',
  body,
  footer,
  buttons = [],
  meta,
  onButton,
  className,
}: {
  header?: string | null;
  headerType?: TemplateHeaderType;
  body: React.ReactNode;
  footer?: string | null;
  buttons?: BubbleButton[];
  // Time and ticks, bottom right.
  meta?: React.ReactNode;
  onButton?: (button: BubbleButton) => void;
  className?: string;
}) {
  const MediaIcon = headerType === 'image' || headerType === 'video' || headerType === 'document' ? mediaHeaders[headerType] : null;
  const buttonClass = 'flex w-full items-center justify-center gap-1.5 rounded-lg bg-white px-3 py-2 text-sm font-medium text-sky-600 shadow-xs dark:bg-zinc-800 dark:text-sky-400';
  return (
    <div className={cn('grid w-fit max-w-[85%] min-w-40 gap-1', className)}>
      <div className="rounded-lg rounded-tl-none bg-white px-2.5 py-1.5 text-sm text-zinc-900 shadow-xs dark:bg-zinc-800 dark:text-zinc-100">
        {MediaIcon ? (
          <div className="mb-1.5 flex h-28 items-center justify-center rounded-md bg-zinc-200 text-zinc-500 dark:bg-zinc-700 dark:text-zinc-300">
            <MediaIcon className="size-8" aria-label={`${headerType} header`} />
          </div>
        ) : null}
        {header && headerType === 'text' ? <p className="font-semibold">{header}</p> : null}
        <div className="whitespace-pre-wrap break-words">{body}</div>
        {footer ? <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{footer}</p> : null}
        {meta ? <div className="mt-0.5 flex items-center justify-end gap-1 text-[11px] text-zinc-500 dark:text-zinc-400">{meta}</div> : null}
      </div>
      {buttons.map((button) =>
        onButton ? (
          <button key={button.id} type="button" className={cn(buttonClass, 'hover:bg-zinc-50 dark:hover:bg-zinc-700')} onClick={() => onButton(button)}>
            <Reply className="size-4" aria-hidden="true" />
            {button.title}
          </button>
        ) : (
          <span key={button.id} className={buttonClass}>
            <Reply className="size-4" aria-hidden="true" />
            {button.title}
          </span>
        ),
      )}
    </div>
  );
}
