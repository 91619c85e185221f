import { ChevronLeft, ChevronRight } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { type ListParams, customersHref } from './customer-list-url';

const number = (n: number) => n.toLocaleString('en-MY');

// "Customers 51–100 of more than 10,000" with previous/next links. The rows come from keyset
// cursors, so a deep page costs what the first does; the page number is only for reading.
export function ListPagination({
  params,
  page,
  shown,
  pageSize,
  total,
  nextCursor,
  prevCursor,
}: {
  params: ListParams;
  page: number;
  shown: number;
  pageSize: number;
  total: { count: number; capped: boolean };
  nextCursor: string | null;
  prevCursor: string | null;
}) {
  const from = (page - 1) * pageSize + 1;
  const of = total.capped ? `more than ${number(total.count)}` : number(total.count);
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-2">
      <p className="text-sm text-muted-foreground" data-testid="customer-count">
        {shown > 0 ? `Customers ${number(from)}–${number(from + shown - 1)} of ${of}` : `${of} customers`}
      </p>
      <div className="flex gap-2">
        {prevCursor ? (
          <Button asChild variant="outline" size="sm">
            <Link href={customersHref(params, { cursor: prevCursor, page: page > 2 ? String(page - 1) : '' })} rel="prev">
              <ChevronLeft aria-hidden="true" />
              Previous
            </Link>
          </Button>
        ) : null}
        {nextCursor ? (
          <Button asChild variant="outline" size="sm">
            <Link href={customersHref(params, { cursor: nextCursor, page: String(page + 1) })} rel="next">
              Next
              <ChevronRight aria-hidden="true" />
            </Link>
          </Button>
        ) : null}
      </div>
    </nav>
  );
}
