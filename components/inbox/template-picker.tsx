'use client';

import { FileText } from 'lucide-react';
import Link from 'next/link';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import type { SendableTemplate } from '@/lib/inbox/templates';
import { renderTemplateBody } from '@/lib/whatsapp/outbound/window';

const languages: Record<string, string> = { ms: 'Bahasa Melayu', en: 'English', zh_CN: '中文' };

// Approved templates with their {{n}} parameters as inputs. Always offered: outside the
// 24-hour window a template is the only thing WhatsApp delivers.
export function TemplatePicker({ templates, onSend, highlight }: { templates: SendableTemplate[]; onSend: (templateId: string, parameters: string[], preview: string) => void; highlight: boolean }) {
  const [open, setOpen] = useState(false);
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? '');
  const [parameters, setParameters] = useState<string[]>([]);
  const id = useId();
  const template = templates.find((t) => t.id === templateId);
  const values = Array.from({ length: template?.parameterCount ?? 0 }, (_, i) => parameters[i] ?? '');
  const complete = template !== undefined && values.every((v) => v.trim() !== '');
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" variant={highlight ? 'default' : 'outline'} size={highlight ? 'default' : 'icon'} aria-label="Send a template">
          <FileText />
          {highlight ? 'Send a template' : null}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Send a template</DialogTitle>
          <DialogDescription>Approved templates can be sent at any time, also after the 24-hour window has closed.</DialogDescription>
        </DialogHeader>
        {templates.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            There are no approved templates yet. Create one in{' '}
            <Link href="/settings/templates" className="underline underline-offset-2">
              Settings → Templates
            </Link>
            .
          </p>
        ) : (
          <form
            id={`${id}-form`}
            className="grid gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              if (!template || !complete) return;
              onSend(template.id, values.map((v) => v.trim()), renderTemplateBody(template.body, values));
              setParameters([]);
              setOpen(false);
            }}
          >
            <div className="grid gap-2">
              <Label htmlFor={`${id}-template`}>Template</Label>
              <NativeSelect
                id={`${id}-template`}
                value={templateId}
                onChange={(e) => {
                  setTemplateId(e.target.value);
                  setParameters([]);
                }}
              >
                {templates.map((t) => (
                  <NativeSelectOption key={t.id} value={t.id}>
                    {t.name} ({languages[t.language] ?? t.language})
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </div>
            {values.map((value, i) => (
              <div key={`${templateId}-${i}`} className="grid gap-2">
                <Label htmlFor={`${id}-p${i + 1}`}>Parameter {`{{${i + 1}}}`}</Label>
                <Input
                  id={`${id}-p${i + 1}`}
                  value={value}
                  required
                  maxLength={1024}
                  onChange={(e) => setParameters(values.map((v, j) => (j === i ? e.target.value : v)))}
                />
              </div>
            ))}
            {template ? (
              <div className="grid gap-1">
                <span className="text-sm font-medium">Preview</span>
                <p className="rounded-lg rounded-tr-none bg-emerald-100 px-3 py-2 text-sm whitespace-pre-wrap dark:bg-emerald-900/70" data-testid="template-preview">
                  {renderTemplateBody(template.body, values.map((v, i) => v.trim() || `{{${i + 1}}}`))}
                </p>
              </div>
            ) : null}
          </form>
        )}
        <DialogFooter>
          <Button type="button" variant="outline" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          {templates.length > 0 ? (
            <Button type="submit" form={`${id}-form`} disabled={!complete}>
              Send template
            </Button>
          ) : null}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
