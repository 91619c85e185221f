import Link from 'next/link';
import { deleteTemplateAction } from '@/app/(app)/settings/templates/actions';
import { ConfirmActionButton } from '@/components/settings/confirm-action-button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { PublicTemplate } from '@/lib/templates/templates';
import type { ChannelChoice } from './template-form';
import { TemplateStatusBadge } from './template-status-badge';

export function TemplateTable({ templates, channels }: { templates: PublicTemplate[]; channels: ChannelChoice[] }) {
  const channelName = (id: string | null) => channels.find((c) => c.id === id)?.name ?? '—';
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Language</TableHead>
          <TableHead>Category</TableHead>
          <TableHead>Channel</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="sr-only">Actions</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {templates.map((t) => (
          <TableRow key={t.id} data-testid="template-row">
            <TableCell className="max-w-xs">
              <Link href={`/settings/templates/${t.id}`} className="font-medium underline-offset-4 hover:underline">
                {t.name}
              </Link>
              <p className="truncate text-xs text-muted-foreground">{t.body}</p>
            </TableCell>
            <TableCell>{t.language}</TableCell>
            <TableCell className="capitalize">{t.category}</TableCell>
            <TableCell>{channelName(t.channelId)}</TableCell>
            <TableCell>
              <TemplateStatusBadge status={t.status} rejectionReason={t.rejectionReason} />
            </TableCell>
            <TableCell className="text-right">
              <ConfirmActionButton
                action={deleteTemplateAction}
                fields={{ id: t.id }}
                label="Delete"
                title={`Delete “${t.name}” (${t.language})?`}
                description={
                  t.providerTemplateId
                    ? 'This removes it from Sembang only. It stays at Meta and comes back with the next sync unless you delete it in WhatsApp Manager too.'
                    : 'Agents can no longer send it. Messages already sent stay in the conversations.'
                }
                confirmLabel="Delete template"
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
