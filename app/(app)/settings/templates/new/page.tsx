import type { Metadata } from 'next';
import { Forbidden } from '@/components/shell/forbidden';
import { TemplateForm } from '@/components/templates/template-form';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { listChannels } from '@/lib/channels/channels';
import { hasRole } from '@/lib/tenants/context';

export const metadata: Metadata = { title: 'New template' };

export default async function NewTemplatePage() {
  const ctx = await requireSessionContext();
  if (!hasRole(ctx, 'admin')) return <Forbidden what="Message templates" />;
  const channels = await listChannels(getDb(), ctx);
  return (
    <Card>
      <CardHeader>
        <CardTitle>New template</CardTitle>
        <CardDescription>A message your team may send at any time, with parameters filled in per customer.</CardDescription>
      </CardHeader>
      <CardContent>
        <TemplateForm channels={channels.map(({ id, name, type }) => ({ id, name, type }))} />
      </CardContent>
    </Card>
  );
}
