import { Download, Upload } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { type ListParams, filterKeys } from './customer-list-url';

// The export downloads what the list shows: the same filters, search and order, every page.
export function exportHref(params: ListParams): string {
  const query = new URLSearchParams();
  for (const key of [...filterKeys, 'sort', 'order'] as const) {
    const value = params[key];
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return text ? `/api/v1/customers/export.csv?${text}` : '/api/v1/customers/export.csv';
}

// Owners and admins: CSV in and out (agents see neither, and the endpoints refuse them).
export function CustomerCsvActions({ params }: { params: ListParams }) {
  return (
    <>
      <Button asChild variant="outline" size="sm">
        <Link href="/customers/import">
          <Upload aria-hidden="true" />
          Import CSV
        </Link>
      </Button>
      <Button asChild variant="outline" size="sm">
        {/* A file download, not a page: a plain link, so Next does not try to route it. */}
        <a href={exportHref(params)} download>
          <Download aria-hidden="true" />
          Export CSV
        </a>
      </Button>
    </>
  );
}
