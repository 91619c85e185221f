'use client';

import { Clock, SendHorizontal } from 'lucide-react';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Textarea } from '@/components/ui/textarea';
import { formatDateTime } from '@/lib/inbox/format';
import type { SendableTemplate } from '@/lib/inbox/templates';
import { TemplatePicker } from './template-picker';

export type SendRequest = { text: string } | { templateId: string; parameters: string[]; preview: string };

// Enter sends, Shift+Enter starts a new line. Outside the 24-hour window only a template can
// go out, so the text box is disabled and says why.
export function Composer({
  windowOpen,
  windowClosesAt,
  customerName,
  templates,
  onSend,
}: {
  windowOpen: boolean;
  windowClosesAt: string | null;
  customerName: string;
  templates: SendableTemplate[];
  onSend: (request: SendRequest) => void;
}) {
  const [text, setText] = useState('');
  const id = useId();
  const noteId = `${id}-note`;
  const hintId = `${id}-hint`;
  const submit = () => {
    if (!windowOpen || text.trim() === '') return;
    onSend({ text: text.trim() });
    setText('');
  };
  return (
    <div className="border-t bg-background p-3">
      {windowOpen ? null : (
        <p id={noteId} className="mb-2 flex items-start gap-2 rounded-md bg-warning/10 px-3 py-2 text-xs text-warning">
          <Clock className="mt-0.5 size-3.5 shrink-0" aria-hidden="true" />
          <span>
            {windowClosesAt
              ? `The 24-hour window closed ${formatDateTime(windowClosesAt)}: ${customerName} has not written since.`
              : `${customerName} has not written to you yet.`}{' '}
            WhatsApp only delivers approved templates until they reply.
          </span>
        </p>
      )}
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TemplatePicker templates={templates} highlight={!windowOpen} onSend={(templateId, parameters, preview) => onSend({ templateId, parameters, preview })} />
        <Textarea
          aria-label="Message"
          aria-describedby={windowOpen ? hintId : noteId}
          placeholder={windowOpen ? 'Type a message' : 'Only templates until the customer writes'}
          disabled={!windowOpen}
          value={text}
          maxLength={4096}
          rows={1}
          className="max-h-40 min-h-9 resize-none"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <span id={hintId} className="sr-only">
          Enter sends, Shift+Enter starts a new line.
        </span>
        <Button type="submit" size="icon" aria-label="Send" disabled={!windowOpen || text.trim() === ''}>
          <SendHorizontal />
        </Button>
      </form>
    </div>
  );
}
