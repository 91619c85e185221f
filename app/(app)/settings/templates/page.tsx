import { FileText, Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { Forbidden } from '@/components/shell/forbidden';
import { SyncTemplatesButton } from '@/components/templates/sync-templates-button';
import { TemplateTable } from '@/components/templates/template-table';
import { Button } from '@/components/ui/button';
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { listChannels } from '@/lib/channels/channels';
import { listTemplates } from '@/lib/templates/templates';
import { hasRole } from '@/lib/tenants/context';

export const metadata: Metadata = { title: 'Templates' };

export default async function TemplatesPage() {
  const ctx = await requireSessionContext();
  if (!hasRole(ctx, 'admin')) return <Forbidden what="Message templates" />;
  const db = getDb();
  const [templates, channels] = await Promise.all([listTemplates(db, ctx), listChannels(db, ctx)]);
  const cloud = channels.filter((c) => c.type === 'cloud');
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Message templates</CardTitle>
          <CardDescription>
            Outside the 24-hour window WhatsApp only delivers approved templates. Sandbox and wabot templates are approved when saved; templates of a Cloud API
            number are reviewed by Meta.
          </CardDescription>
          <CardAction>
            <Button asChild>
              <Link href="/settings/templates/new">
                <Plus aria-hidden="true" />
                New template
              </Link>
            </Button>
          </CardAction>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          {templates.length === 0 ? (
            <EmptyState icon={FileText} title="No templates yet" description="Create one for order updates, consent requests or promotions." titleAs="h3" />
          ) : (
            <TemplateTable templates={templates} channels={channels} />
          )}
        </CardContent>
      </Card>
      {cloud.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Meta review</CardTitle>
            <CardDescription>Bring Meta&apos;s verdicts, rejection reasons and templates made in WhatsApp Manager into Sembang. Sembang also checks a minute after each submission.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            {cloud.map((c) => (
              <div key={c.id} className="grid gap-2">
                <p className="text-sm font-medium">{c.name}</p>
                <SyncTemplatesButton channelId={c.id} channelName={c.name} />
              </div>
            ))}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
