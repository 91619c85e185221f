import Link from 'next/link';
import { deleteChannelAction } from '@/app/(app)/settings/whatsapp/actions';
import { ConfirmActionButton } from '@/components/settings/confirm-action-button';
import { Badge, type BadgeProps } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { ChannelType } from '@/db/schema';
import type { PublicChannel } from '@/lib/channels/channels';
import { EditChannelDialog } from './edit-channel-dialog';
import { TestConnectionButton } from './test-connection-button';

const typeLabels: Record<ChannelType, string> = { cloud: 'Cloud API', sandbox: 'Sandbox', wabot: 'wabot' };

// Meta's quality rating of the number: GREEN high, YELLOW medium, RED low.
const qualityVariants: Record<string, BadgeProps['variant']> = { GREEN: 'success', YELLOW: 'warning', RED: 'destructive' };

const dateTime = new Intl.DateTimeFormat('en-MY', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kuala_Lumpur' });

export function ChannelTable({ channels, defaultApiBaseUrl }: { channels: PublicChannel[]; defaultApiBaseUrl: string }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Phone number ID</TableHead>
          <TableHead>Verified name and quality rating</TableHead>
          <TableHead className="sr-only">Actions</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {channels.map((c) => (
          <TableRow key={c.id} data-testid="channel-row">
            <TableCell>
              <div className="flex items-center gap-2">
                <span className="font-medium">{c.name}</span>
                <Badge variant={c.type === 'sandbox' ? 'secondary' : 'outline'}>{typeLabels[c.type]}</Badge>
              </div>
              {c.displayPhoneNumber ? <div className="text-xs text-muted-foreground">{c.displayPhoneNumber}</div> : null}
            </TableCell>
            <TableCell className="font-mono text-xs">{c.phoneNumberId ?? '—'}</TableCell>
            <TableCell>
              <div className="flex items-center gap-2">
                <span>{c.verifiedName ?? '—'}</span>
                {c.qualityRating ? <Badge variant={qualityVariants[c.qualityRating] ?? 'secondary'}>{c.qualityRating}</Badge> : null}
              </div>
              <div className="text-xs text-muted-foreground">{c.lastCheckedAt ? `Checked ${dateTime.format(c.lastCheckedAt)}` : 'Never checked'}</div>
            </TableCell>
            <TableCell className="whitespace-normal">
              <div className="ml-auto flex max-w-80 flex-wrap items-center justify-end gap-1">
                {c.type === 'sandbox' ? (
                  <Button asChild variant="link" size="sm">
                    <Link href="/simulator">Open customer simulator</Link>
                  </Button>
                ) : null}
                {/* A wabot gateway has no endpoint to test; sending a message is the test. */}
                {c.type === 'wabot' ? null : <TestConnectionButton channelId={c.id} channelName={c.name} />}
                <EditChannelDialog channel={c} defaultApiBaseUrl={defaultApiBaseUrl} />
                {c.type === 'sandbox' ? null : (
                  <ConfirmActionButton
                    action={deleteChannelAction}
                    fields={{ id: c.id }}
                    label="Delete"
                    title={`Delete “${c.name}”?`}
                    description="Its conversations and messages in Sembang are deleted with it, and WhatsApp messages to this number stop arriving. This cannot be undone."
                    confirmLabel="Delete channel"
                  />
                )}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
