import type { Metadata } from 'next';
import Link from 'next/link';
import { ArrowLeft } from 'lucide-react';
import { ImportWizard } from '@/components/customers/import/import-wizard';
import { PurchaseImport } from '@/components/purchases/purchase-import';
import { Forbidden } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { requireSessionContext } from '@/lib/auth/session';
import { hasRole } from '@/lib/tenants/context';

export const metadata: Metadata = { title: 'Import customers' };

export default async function ImportCustomersPage() {
  const ctx = await requireSessionContext();
  return (
    <>
      <Link href="/customers" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden="true" />
        All customers
      </Link>
      <PageHeader title="Import customers" description="Bring in customers from a spreadsheet: phone numbers are normalised, duplicates matched, and every bad row reported." />
      {hasRole(ctx, 'admin') ? (
        <>
          <ImportWizard />
          <PurchaseImport />
        </>
      ) : (
        <Forbidden what="Importing customers" />
      )}
    </>
  );
}
