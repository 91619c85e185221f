import { Trophy } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db';
import { customerContestEntries } from '@/lib/contests/entries';
import type { TenantContext } from '@/lib/tenants/context';
import { formatMyt } from './contest-format';

// The customer page's "Contest entries": newest first, with the prize when the entry won.
export async function CustomerContestEntries({ ctx, customerId }: { ctx: Pick<TenantContext, 'tenantId'>; customerId: string }) {
  const rows = await customerContestEntries(getDb(), ctx, customerId);
  if (rows.length === 0) {
    return <EmptyState icon={Trophy} titleAs="h3" title="No contest entries" description="Entries to your contests will be listed here." className="min-h-40 p-6 md:p-6" />;
  }
  return (
    <ul className="grid gap-2 text-sm" data-testid="customer-contest-entries">
      {rows.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border px-3 py-2">
          <span className="grid">
            <Link href={`/contests/${r.contestId}`} className="font-medium underline-offset-4 hover:underline">
              {r.contestName}
            </Link>
            <span className="text-xs text-muted-foreground">
              <span className="font-mono">{r.code}</span> · {formatMyt(r.createdAt.toISOString())}
            </span>
          </span>
          {r.prize ? <Badge variant="success">Won: {r.prize}</Badge> : r.status === 'disqualified' ? <Badge variant="destructive">Disqualified</Badge> : null}
        </li>
      ))}
    </ul>
  );
}
