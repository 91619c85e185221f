import { ClipboardList } from 'lucide-react';
import type { Metadata } from 'next';
import { z } from 'zod';
import { DataRequestForm } from '@/components/pdpa/data-request-form';
import { DataRequestTable } from '@/components/pdpa/data-request-table';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { getCustomer } from '@/lib/customers/customers';
import { AppError } from '@/lib/errors';
import { dataRequestLog } from '@/lib/pdpa/requests';
import { malaysiaDay } from '@/lib/pdpa/clock';

export const metadata: Metadata = { title: 'Data requests' };

const customerParam = z.uuid();

// Another tenant's or a deleted customer: the form simply starts unlinked.
function notFoundAsNull(error: unknown): null {
  if (error instanceof AppError && error.code === 'not_found') return null;
  throw error;
}

export default async function DataRequestsPage({ searchParams }: { searchParams: Promise<{ customer?: string }> }) {
  const ctx = await requireSessionContext();
  const db = getDb();
  const { customer: customerId } = await searchParams;
  // From a customer's page: the new request is about that customer (if it is one of ours).
  const parsed = customerParam.safeParse(customerId);
  const customer = parsed.success ? await getCustomer(db, ctx, parsed.data).catch(notFoundAsNull) : null;
  const requests = await dataRequestLog(db, ctx);
  const now = new Date();
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Log a data request</CardTitle>
          <CardDescription>
            Customers may ask for a copy of their data, a correction, erasure, or to withdraw consent (PDPA s.30–s.43). Each is answered within 21 days of receipt.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <DataRequestForm customer={customer && { id: customer.id, name: customer.name }} today={malaysiaDay(now)} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Requests ({requests.length})</CardTitle>
          <CardDescription>An export from a customer&apos;s page is logged here as an answered access request.</CardDescription>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          {requests.length === 0 ? (
            <EmptyState icon={ClipboardList} titleAs="h3" title="No requests yet" description="Requests you log, and exports you make, appear here with their due dates." />
          ) : (
            <DataRequestTable requests={requests} now={now} />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
