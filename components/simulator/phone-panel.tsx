'use client';

import { Clock, Paperclip, SendHorizontal } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/sonner';
import type { SimulatorMessage as Message, SimulatorThread } from '@/lib/whatsapp/sandbox/thread';
import { SimulatorMessage } from './simulator-message';

export interface SimulatorLimits {
  imageBytes: number;
  documentBytes: number;
}

const IMAGE_TYPES = ['image/jpeg', 'image/png'];
const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

// Tells the server which business messages the customer's phone has shown, once each.
function useReadReceipts(messages: Message[]) {
  const reported = useRef(new Set<string>());
  useEffect(() => {
    const shown = messages.flatMap((m) =>
      m.direction === 'outbound' && m.wamid && (m.status === 'sent' || m.status === 'delivered') && !reported.current.has(m.wamid) ? [m.wamid] : [],
    );
    if (shown.length === 0 || document.hidden) return;
    for (const w of shown) reported.current.add(w);
    fetch('/simulator/read', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ wamids: shown }) })
      .then((res) => {
        if (!res.ok) throw new Error(String(res.status));
      })
      .catch(() => {
        for (const w of shown) reported.current.delete(w);
      });
  }, [messages]);
}

// One simulated customer's phone: the chat with the business, a composer that sends text on
// Enter, and a paperclip for an image or a document.
export function PhonePanel({
  phone,
  name,
  profileName,
  thread,
  limits,
  onSent,
}: {
  phone: string;
  name: string;
  profileName: string | null;
  thread: SimulatorThread | null;
  limits: SimulatorLimits;
  onSent: () => void;
}) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  // Sent, not yet back through the webhook: shown with a clock.
  const [waiting, setWaiting] = useState<{ wamid: string; text: string }[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const bottom = useRef<HTMLLIElement>(null);
  const messages = thread?.messages ?? [];
  useReadReceipts(messages);
  const arrived = new Set(messages.map((m) => m.wamid));
  const stillWaiting = waiting.filter((w) => !arrived.has(w.wamid));

  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [messages.length, stillWaiting.length]);

  async function send(fields: Record<string, string | Blob>, preview: string): Promise<boolean> {
    const form = new FormData();
    form.set('phone', phone);
    if (profileName) form.set('profileName', profileName);
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    setSending(true);
    try {
      const res = await fetch('/simulator/messages', { method: 'POST', body: form });
      const body = (await res.json()) as { wamid?: string; detail?: string };
      if (!res.ok || !body.wamid) {
        toast.error(body.detail ?? 'The message could not be sent.');
        return false;
      }
      const wamid = body.wamid;
      setWaiting((list) => [...list, { wamid, text: preview }]);
      onSent();
      return true;
    } finally {
      setSending(false);
    }
  }

  async function sendText(event: React.FormEvent) {
    event.preventDefault();
    const body = text.trim();
    if (!body || sending) return;
    if (await send({ type: 'text', text: body }, body)) setText('');
  }

  async function sendFile(file: File) {
    const type = IMAGE_TYPES.includes(file.type) ? 'image' : 'document';
    const limit = type === 'image' ? limits.imageBytes : limits.documentBytes;
    if (file.size > limit) return void toast.error(`WhatsApp takes ${type}s up to ${megabytes(limit)}.`);
    if (await send({ type, file, caption: text.trim() }, `${type === 'image' ? '📷' : '📄'} ${file.name}`)) setText('');
  }

  const tap = (message: Message, button: { id: string; title: string }) =>
    void send({ type: 'button_reply', replyToWamid: message.wamid ?? '', id: button.id, title: button.title }, button.title);

  return (
    <section aria-label={`Phone of ${name}`} className="flex h-[36rem] flex-col overflow-hidden rounded-3xl border-8 border-zinc-800 bg-zinc-800 shadow-lg dark:border-zinc-700">
      <header className="flex items-center gap-3 bg-emerald-700 px-4 py-2.5 text-white">
        <div className="flex size-9 items-center justify-center rounded-full bg-white/20 text-sm font-semibold" aria-hidden="true">
          S
        </div>
        <div className="min-w-0">
          <p className="truncate text-sm font-semibold">Business (sandbox)</p>
          <p className="truncate text-xs text-white/80">
            You are {name} · {phone}
          </p>
        </div>
      </header>
      <ol className="flex flex-1 flex-col gap-2 overflow-y-auto bg-[#efeae2] p-3 dark:bg-zinc-900" aria-label="Messages" aria-live="polite">
        {messages.length === 0 && stillWaiting.length === 0 ? (
          <li className="m-auto max-w-60 rounded-lg bg-white/80 px-3 py-2 text-center text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
            Say hello to the business. Your message goes through the same webhook as a real WhatsApp message.
          </li>
        ) : null}
        {messages.map((m) => (
          <SimulatorMessage key={m.id} message={m} onButton={tap} />
        ))}
        {stillWaiting.map((w) => (
          <li key={w.wamid} className="flex justify-end" data-testid="simulator-message" data-from="customer" data-status="sending">
            <div className="flex max-w-[85%] items-end gap-1 rounded-lg rounded-tr-none bg-[#d9fdd3]/70 px-2.5 py-1.5 text-sm text-zinc-700 dark:bg-emerald-900/60 dark:text-zinc-200">
              <span className="whitespace-pre-wrap break-words">{w.text}</span>
              <Clock className="size-3 shrink-0" aria-label="Sending" />
            </div>
          </li>
        ))}
        <li ref={bottom} aria-hidden="true" />
      </ol>
      <form onSubmit={sendText} className="flex items-center gap-1.5 bg-zinc-100 p-2 dark:bg-zinc-800">
        <input
          ref={fileInput}
          type="file"
          className="sr-only"
          aria-label="Attach an image or a document"
          accept="image/jpeg,image/png,application/pdf,text/plain,.doc,.docx,.xls,.xlsx,.ppt,.pptx"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void sendFile(file);
          }}
        />
        <Button type="button" variant="ghost" size="icon" aria-label="Attach" title={`Images (JPEG, PNG) up to ${megabytes(limits.imageBytes)}, documents up to ${megabytes(limits.documentBytes)}`} onClick={() => fileInput.current?.click()} disabled={sending}>
          <Paperclip aria-hidden="true" />
        </Button>
        <Input value={text} onChange={(e) => setText(e.target.value)} placeholder="Message" aria-label="Message" maxLength={4096} className="bg-white dark:bg-zinc-900" autoComplete="off" />
        <Button type="submit" size="icon" aria-label="Send" disabled={sending || !text.trim()}>
          <SendHorizontal aria-hidden="true" />
        </Button>
      </form>
    </section>
  );
}
