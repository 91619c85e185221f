import { Search, Users } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { CustomerTable } from '@/components/customers/customer-table';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { getDb } from '@/db';
import { decodeCursor, page } from '@/lib/api/pagination';
import { requireSessionContext } from '@/lib/auth/session';
import { customerJson, listCustomers } from '@/lib/customers/customers';

export const metadata: Metadata = { title: 'Customers' };

const PAGE_SIZE = 50;

const paramsSchema = z.object({
  q: z.string().trim().max(100).catch('').default(''),
  cursor: z.string().max(200).optional().catch(undefined),
});

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireSessionContext();
  const params = paramsSchema.parse(await searchParams);
  // A cursor from an old link that no longer decodes starts again at the top.
  const after = (() => {
    try {
      return decodeCursor(params.cursor);
    } catch {
      return null;
    }
  })();
  const rows = await listCustomers(getDb(), ctx, { limit: PAGE_SIZE + 1, after, search: params.q });
  const result = page(rows, PAGE_SIZE, (c) => c);
  const next = result.nextCursor ? `/customers?${new URLSearchParams({ ...(params.q ? { q: params.q } : {}), cursor: result.nextCursor })}` : null;
  return (
    <>
      <PageHeader title="Customers" description="Everyone who has talked to you on WhatsApp, newest first." />
      <form role="search" className="relative mb-4 max-w-md" action="/customers">
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden="true" />
        <Input type="search" name="q" defaultValue={params.q} aria-label="Search customers" placeholder="Search name or number" className="pl-9" />
      </form>
      {result.data.length === 0 ? (
        <EmptyState
          icon={Users}
          title={params.q ? `No customer matches “${params.q}”` : 'No customers yet'}
          description={params.q ? 'Try part of a name or a phone number.' : 'Customers are created from their first WhatsApp message.'}
        />
      ) : (
        <Card className="py-2">
          <CardContent className="overflow-x-auto px-2">
            <CustomerTable customers={result.data.map(customerJson)} />
          </CardContent>
        </Card>
      )}
      {next || params.cursor ? (
        <div className="mt-4 flex justify-end gap-2">
          {params.cursor ? (
            <Button asChild variant="outline" size="sm">
              <Link href={params.q ? `/customers?q=${encodeURIComponent(params.q)}` : '/customers'}>Back to the newest</Link>
            </Button>
          ) : null}
          {next ? (
            <Button asChild variant="outline" size="sm">
              <Link href={next}>Older customers</Link>
            </Button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
