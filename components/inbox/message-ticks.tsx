import { Check, CheckCheck, CircleAlert, Clock } from 'lucide-react';
import type { MessageStatus } from '@/db/schema';
import { cn } from '@/lib/utils';

const labels: Record<MessageStatus, string> = {
  received: 'Received',
  pending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  played: 'Played',
  failed: 'Not sent',
};

// WhatsApp's ticks: a clock while sending, one tick sent, two delivered, two blue read.
export function MessageTicks({ status, className }: { status: MessageStatus; className?: string }) {
  const props = { className: cn('size-3.5 shrink-0', className), 'aria-label': labels[status], role: 'img' };
  if (status === 'pending') return <Clock {...props} />;
  if (status === 'sent') return <Check {...props} />;
  if (status === 'delivered') return <CheckCheck {...props} />;
  if (status === 'read' || status === 'played') return <CheckCheck {...props} className={cn(props.className, 'text-sky-500 dark:text-sky-400')} />;
  if (status === 'failed') return <CircleAlert {...props} className={cn(props.className, 'text-destructive')} />;
  return null;
}
