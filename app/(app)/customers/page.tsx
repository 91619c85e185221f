import { SearchX, Users } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { CustomerCsvActions } from '@/components/customers/customer-csv-actions';
import { CustomerFilters } from '@/components/customers/customer-filters';
import { type ListParams, customersHref, filterKeys, hasFilters, listParamKeys } from '@/components/customers/customer-list-url';
import { CustomerTable } from '@/components/customers/customer-table';
import { ListPagination } from '@/components/customers/list-pagination';
import { CustomerListProvider } from '@/components/customers/use-customer-list';
import { PageHeader } from '@/components/shell/page-header';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { customerJson } from '@/lib/customers/customers';
import { customerListPage } from '@/lib/customers/list';
import { type CustomerListQuery, defaultOrder, parseListQueryLeniently } from '@/lib/customers/list-query';
import { AppError } from '@/lib/errors';
import { hasRole } from '@/lib/tenants/context';

export const metadata: Metadata = { title: 'Customers' };

// Unless the URL asks for 25 or 100 (the page's "rows per page").
const PAGE_SIZE = 50;

type SearchParams = Record<string, string | string[] | undefined>;

function listParams(raw: SearchParams): ListParams {
  const params: ListParams = {};
  for (const key of listParamKeys) {
    const value = raw[key];
    const text = Array.isArray(value) ? value[0] : value;
    if (text) params[key] = text;
  }
  return params;
}

// A cursor from an old link (another sort, a forged value) starts again at the first page.
async function loadPage(ctx: Parameters<typeof customerListPage>[1], query: CustomerListQuery) {
  try {
    return { result: await customerListPage(getDb(), ctx, query), restarted: false };
  } catch (error) {
    if (!(error instanceof AppError && error.fieldErrors.some((e) => e.field === 'cursor'))) throw error;
    return { result: await customerListPage(getDb(), ctx, { ...query, cursor: undefined }), restarted: true };
  }
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireSessionContext();
  const params = listParams(await searchParams);
  const { query, ignored } = parseListQueryLeniently({ ...params, limit: params.limit ?? String(PAGE_SIZE) });
  const { result, restarted } = await loadPage(ctx, query);
  const page = restarted ? 1 : Math.max(1, Number.parseInt(params.page ?? '1', 10) || 1);
  const order = query.order ?? defaultOrder[query.sort];
  const filtered = hasFilters(params);
  const now = new Date();
  return (
    <CustomerListProvider params={params}>
      <PageHeader
        title="Customers"
        description="Everyone who has written to your WhatsApp number, with their consent and profile."
        actions={hasRole(ctx, 'admin') ? <CustomerCsvActions params={params} /> : undefined}
      />
      {ignored.length > 0 ? (
        <Alert className="mb-4">
          <AlertDescription>Some filters in the address were not understood and are not applied: {ignored.map((e) => `${e.field} (${e.message})`).join('; ')}</AlertDescription>
        </Alert>
      ) : null}
      <CustomerFilters sort={query.sort} order={order} limit={query.limit} />
      {result.rows.length === 0 ? (
        result.total.count === 0 && !filtered ? (
          <EmptyState icon={Users} title="No customers yet — they appear when someone messages you" description="Each person who writes to your WhatsApp number becomes a customer here." />
        ) : (
          <EmptyState
            icon={SearchX}
            title={filtered ? 'No customer matches these filters' : 'Nothing on this page'}
            description={filtered ? 'Try fewer filters or another search.' : 'The customers here were deleted; go back to the first page.'}
            action={
              <Button asChild variant="outline">
                <Link href={filtered ? customersHref(params, Object.fromEntries(filterKeys.map((k) => [k, '']))) : customersHref(params, { cursor: '', page: '' })}>
                  {filtered ? 'Clear all filters' : 'First page'}
                </Link>
              </Button>
            }
          />
        )
      ) : (
        <>
          <Card className="py-2">
            <CardContent className="px-2">
              <CustomerTable key={customersHref(params, {})} customers={result.rows.map((row) => customerJson(row, now))} sort={query.sort} order={order} canDelete={hasRole(ctx, 'admin')} />
            </CardContent>
          </Card>
          <ListPagination params={params} page={page} shown={result.rows.length} pageSize={query.limit} total={result.total} nextCursor={result.nextCursor} prevCursor={result.prevCursor} />
        </>
      )}
    </CustomerListProvider>
  );
}
