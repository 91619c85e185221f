'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  assignConversationAction,
  loadMoreConversationsAction,
  loadOlderMessagesAction,
  markConversationReadAction,
  sendMessageAction,
  setConversationStatusAction,
} from '@/app/(app)/inbox/actions';
import { toast } from '@/components/ui/sonner';
import { confirmMessage, mergeConversations, mergeMessages, pendingMessage } from '@/lib/inbox/merge';
import type { ConversationView, InboxFilter, MessageView } from '@/lib/inbox/views';
import type { SendRequest } from './composer';
import { runAction } from './run-action';
import { useLiveChanges } from './use-live-changes';

export interface ThreadState {
  conversation: ConversationView;
  messages: MessageView[];
  olderCursor: string | null;
}

// What the server rendered; a new snapshot (navigation, refresh) replaces the local state.
export interface InboxSnapshot {
  loadedAt: string;
  filter: InboxFilter;
  q: string;
  conversations: ConversationView[];
  nextCursor: string | null;
  thread: ThreadState | null;
}

export function useInbox(snapshot: InboxSnapshot, me: { id: string; name: string }) {
  const router = useRouter();
  const [syncedAt, setSyncedAt] = useState(snapshot.loadedAt);
  const [list, setList] = useState(snapshot.conversations);
  const [listCursor, setListCursor] = useState(snapshot.nextCursor);
  const [thread, setThread] = useState(snapshot.thread);
  const [busy, setBusy] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  if (syncedAt !== snapshot.loadedAt) {
    setSyncedAt(snapshot.loadedAt);
    setList(snapshot.conversations);
    setListCursor(snapshot.nextCursor);
    setThread(snapshot.thread);
  }
  const conversationId = thread?.conversation.id ?? null;

  const applyConversation = useCallback((c: ConversationView) => {
    setList((l) => (l.some((x) => x.id === c.id) ? mergeConversations(l, [c]) : l));
    setThread((t) => (t?.conversation.id === c.id ? { ...t, conversation: c } : t));
  }, []);
  const updateMessages = useCallback((id: string, update: (messages: MessageView[]) => MessageView[]) => {
    setThread((t) => (t?.conversation.id === id ? { ...t, messages: update(t.messages) } : t));
  }, []);

  useLiveChanges({
    since: snapshot.loadedAt,
    filter: snapshot.filter,
    q: snapshot.q,
    conversationId,
    onChanges: (changes) => {
      setList((l) => mergeConversations(l, changes.conversations));
      setThread((t) => {
        if (!t) return t;
        const conversation = changes.conversations.find((c) => c.id === t.conversation.id) ?? t.conversation;
        return { ...t, conversation, messages: mergeMessages(t.messages, changes.messages.filter((m) => m.conversationId === t.conversation.id)) };
      });
    },
    onStale: () => router.refresh(),
  });

  // Opening a conversation reads it; so does a message arriving while it is open.
  const newestInbound = thread?.messages.findLast((m) => m.direction === 'inbound')?.id;
  const unread = thread?.conversation.unreadCount ?? 0;
  const seen = useRef<{ id: string | null; inbound?: string }>({ id: null });
  useEffect(() => {
    if (!conversationId) return;
    const previous = seen.current;
    seen.current = { id: conversationId, inbound: newestInbound };
    const arrivedWhileOpen = previous.id === conversationId && previous.inbound !== newestInbound;
    if ((unread > 0 || arrivedWhileOpen) && !document.hidden) {
      void runAction(markConversationReadAction, { conversationId }).then((s) => s?.ok && applyConversation(s.data));
    }
  }, [conversationId, newestInbound, unread, applyConversation]);

  const send = async (request: SendRequest) => {
    if (!conversationId) return;
    const id = conversationId;
    const isText = 'text' in request;
    const pending = pendingMessage(id, isText ? 'text' : 'template', isText ? request.text : request.preview, { id: me.id, name: me.name });
    updateMessages(id, (messages) => mergeMessages(messages, [pending]));
    const input = isText ? { text: request.text } : { templateId: request.templateId, parameters: request.parameters };
    const state = await runAction(sendMessageAction, { conversationId: id, message: JSON.stringify(input) });
    if (state.ok) {
      updateMessages(id, (messages) => confirmMessage(messages, pending.id, state.data));
      setList((l) => mergeConversations(l, l.filter((c) => c.id === id).map((c) => ({ ...c, lastMessageAt: state.data.createdAt, lastMessagePreview: state.data.text }))));
      return;
    }
    toast.error(state.error);
    updateMessages(id, (messages) => messages.map((m) => (m.id === pending.id ? { ...m, status: 'failed', errorText: state.error } : m)));
  };

  const changeConversation = async (run: () => ReturnType<typeof runAction<ConversationView>>, done: (c: ConversationView) => string) => {
    setBusy(true);
    const state = await run();
    setBusy(false);
    if (!state.ok) return void toast.error(state.error);
    applyConversation(state.data);
    toast.success(done(state.data));
  };
  const assign = (userId: string | null) =>
    conversationId &&
    changeConversation(
      () => runAction(assignConversationAction, { conversationId, userId: userId ?? '' }),
      (c) => (c.assignee ? `Assigned to ${c.assignee.id === me.id ? 'you' : c.assignee.name}.` : 'Unassigned.'),
    );
  const setStatus = (status: ConversationView['status']) =>
    conversationId &&
    changeConversation(
      () => runAction(setConversationStatusAction, { conversationId, status }),
      (c) => (c.status === 'resolved' ? `Resolved the conversation with ${c.customer.name}.` : 'Reopened.'),
    );

  const loadOlder = async () => {
    if (!conversationId || !thread?.olderCursor) return;
    setLoadingOlder(true);
    const state = await runAction(loadOlderMessagesAction, { conversationId, cursor: thread.olderCursor });
    setLoadingOlder(false);
    if (!state.ok) return void toast.error(state.error);
    setThread((t) => (t?.conversation.id === conversationId ? { ...t, messages: mergeMessages(t.messages, state.data.data), olderCursor: state.data.nextCursor } : t));
  };

  const loadMore = async () => {
    if (!listCursor) return;
    const state = await runAction(loadMoreConversationsAction, { filter: snapshot.filter, q: snapshot.q, cursor: listCursor });
    if (!state.ok) return void toast.error(state.error);
    setList((l) => mergeConversations(l, state.data.data));
    setListCursor(state.data.nextCursor);
  };

  return { list, listCursor, thread, busy, loadingOlder, send, assign, setStatus, loadOlder, loadMore };
}
