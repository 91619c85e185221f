'use client';

import { useState } from 'react';
import { loadOlderCustomerMessagesAction } from '@/app/(app)/customers/[id]/actions';
import { MessageTimeline } from '@/components/inbox/message-timeline';
import { runAction } from '@/components/inbox/run-action';
import { toast } from '@/components/ui/sonner';
import type { MessageView } from '@/lib/inbox/views';

// The customer's messages over all their conversations, as the inbox shows a thread; older
// ones a page at a time.
export function CustomerTimeline({ customerId, customerName, initial }: { customerId: string; customerName: string; initial: { data: MessageView[]; nextCursor: string | null } }) {
  const [messages, setMessages] = useState(initial.data);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [loading, setLoading] = useState(false);
  const loadOlder = async () => {
    if (!cursor) return;
    setLoading(true);
    const state = await runAction(loadOlderCustomerMessagesAction, { customerId, cursor });
    setLoading(false);
    if (!state.ok) {
      toast.error(state.error);
      return;
    }
    setMessages((shown) => [...state.data.data, ...shown]);
    setCursor(state.data.nextCursor);
  };
  return <MessageTimeline messages={messages} customerName={customerName} hasOlder={cursor !== null} loadingOlder={loading} onLoadOlder={loadOlder} />;
}
