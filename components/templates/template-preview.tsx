import { renderTemplateBody } from '@/lib/whatsapp/outbound/window';
import type { TemplateHeaderType } from '@/lib/whatsapp/providers';
import { TemplateBubble } from './template-bubble';

// The template as the customer's WhatsApp shows it, parameters filled with the sample values
// (an unfilled one stays {{n}}).
export function TemplatePreview({
  headerType,
  headerText,
  body,
  footer,
  buttons,
  examples,
}: {
  headerType: TemplateHeaderType;
  headerText: string;
  body: string;
  footer: string;
  buttons: string[];
  examples: string[];
}) {
  const filled = renderTemplateBody(body, examples.map((e, i) => e.trim() || `{{${i + 1}}}`));
  return (
    <section aria-label="Preview" className="grid content-start gap-2 lg:sticky lg:top-20">
      <h2 className="text-sm font-medium">Preview</h2>
      <div className="grid min-h-64 content-start rounded-xl bg-[#efeae2] p-4 dark:bg-zinc-900" data-testid="template-preview">
        <TemplateBubble
          headerType={headerType}
          header={headerText.trim() || null}
          body={filled.trim() || <span className="text-zinc-400">Your message appears here.</span>}
          footer={footer.trim() || null}
          buttons={buttons.flatMap((title, i) => (title.trim() ? [{ id: String(i), title: title.trim() }] : []))}
          meta={<span>12:00 PM</span>}
        />
      </div>
    </section>
  );
}
