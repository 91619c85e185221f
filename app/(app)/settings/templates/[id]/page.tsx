import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Forbidden } from '@/components/shell/forbidden';
import { TemplateForm } from '@/components/templates/template-form';
import { TemplatePreview } from '@/components/templates/template-preview';
import { TemplateStatusBadge } from '@/components/templates/template-status-badge';
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { listChannels } from '@/lib/channels/channels';
import { AppError } from '@/lib/errors';
import { getTemplate } from '@/lib/templates/templates';
import { hasRole } from '@/lib/tenants/context';

export const metadata: Metadata = { title: 'Template' };

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireSessionContext();
  if (!hasRole(ctx, 'admin')) return <Forbidden what="Message templates" />;
  const { id } = await params;
  const db = getDb();
  const template = await getTemplate(db, ctx, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const channels = (await listChannels(db, ctx)).map(({ id: channelId, name, type }) => ({ id: channelId, name, type }));
  const atMeta = template.providerTemplateId !== null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          {template.name} <span className="font-normal text-muted-foreground">({template.language})</span>
        </CardTitle>
        <CardDescription>
          {atMeta ? 'Meta keeps this template: edit it in WhatsApp Manager, then use “Sync from Meta”.' : 'Changes apply to messages sent from now on.'}
        </CardDescription>
        <CardAction>
          <TemplateStatusBadge status={template.status} rejectionReason={template.rejectionReason} />
        </CardAction>
      </CardHeader>
      <CardContent>
        {atMeta ? (
          <div className="max-w-sm">
            <TemplatePreview
              headerType={template.headerType}
              headerText={template.headerText ?? ''}
              body={template.body}
              footer={template.footer ?? ''}
              buttons={template.buttons.map((b) => b.text)}
              examples={[]}
            />
          </div>
        ) : (
          <TemplateForm channels={channels} template={template} />
        )}
      </CardContent>
    </Card>
  );
}
