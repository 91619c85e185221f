import { ArrowLeft, MessagesSquare } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { CustomerContestEntries } from '@/components/contests/customer-contest-entries';
import { ConsentBadge } from '@/components/customers/consent-badge';
import { ConsentPanel } from '@/components/customers/consent-panel';
import { CustomerFlags } from '@/components/customers/customer-flags';
import { CustomerStats } from '@/components/customers/customer-stats';
import { CustomerTimeline } from '@/components/customers/customer-timeline';
import { DataRightsPanel } from '@/components/customers/data-rights-panel';
import { ProfileCard } from '@/components/customers/profile-card';
import { PurchaseHistory } from '@/components/customers/purchase-history';
import { inboxHref } from '@/components/inbox/inbox-href';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { consentHistoryPage } from '@/lib/consent/manual';
import { getCustomerDetail } from '@/lib/customers/detail';
import { AppError } from '@/lib/errors';
import { stateName } from '@/lib/mykad';
import { hasRole } from '@/lib/tenants/context';

export const metadata: Metadata = { title: 'Customer' };

const uuid = z.uuid();

// Another tenant's customer, a deleted one and a malformed id all look the same: not found.
async function loadDetail(id: string) {
  const ctx = await requireSessionContext();
  if (!uuid.safeParse(id).success) notFound();
  try {
    return { ctx, detail: await getCustomerDetail(getDb(), ctx, id) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
}

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle role="heading" aria-level={2}>
          {title}
        </CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx, detail } = await loadDetail((await params).id);
  const { customer, stats, flags, timeline, latestConversationId } = detail;
  const admin = hasRole(ctx, 'admin');
  const consentHistory = await consentHistoryPage(getDb(), ctx, customer.id);
  return (
    <>
      <Link href="/customers" className="mb-3 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden="true" />
        All customers
      </Link>
      <PageHeader
        title={customer.name}
        description={[customer.phone, customer.profileName && customer.profileName !== customer.name ? `WhatsApp: ${customer.profileName}` : null].filter(Boolean).join(' · ')}
        actions={
          <>
            <ConsentBadge status={customer.consentStatus} />
            {latestConversationId ? (
              <Button asChild variant="outline" size="sm">
                <Link href={inboxHref({ filter: 'all', c: latestConversationId })}>
                  <MessagesSquare aria-hidden="true" />
                  Open in inbox
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      {flags.length > 0 ? (
        <div className="mb-6">
          <CustomerFlags customerId={customer.id} flags={flags} canClose={admin} />
        </div>
      ) : null}
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
        <div className="grid gap-6">
          <ProfileCard customer={customer} birthPlace={stateName(customer.state) ?? customer.birthCountry} canReveal={admin} />
          <CustomerStats customer={customer} stats={stats} />
          <Section title="Consent" description="PDPA: marketing consent and its evidence, newest first.">
            <ConsentPanel customerId={customer.id} status={customer.consentStatus} history={consentHistory} canChange={admin} />
          </Section>
          <Section title="Data rights" description="PDPA: a copy of everything held on this customer, anonymisation or erasure.">
            <DataRightsPanel customerId={customer.id} customerName={customer.name} anonymizedAt={customer.anonymizedAt} canManage={admin} />
          </Section>
        </div>
        <div className="grid min-w-0 gap-6">
          <Card className="gap-0 overflow-hidden py-0">
            <CardHeader className="border-b py-4">
              <CardTitle role="heading" aria-level={2}>
                Messages
              </CardTitle>
              <CardDescription>Every WhatsApp conversation with {customer.name}, newest at the bottom.</CardDescription>
            </CardHeader>
            <div className="flex h-[32rem] flex-col">
              <CustomerTimeline customerId={customer.id} customerName={customer.name} initial={timeline} />
            </div>
          </Card>
          <Section title="Purchases">
            <PurchaseHistory ctx={ctx} customer={customer} canEdit={admin} />
          </Section>
          <div className="grid gap-6 lg:grid-cols-2">
            <Section title="Contest entries">
              <CustomerContestEntries ctx={ctx} customerId={customer.id} />
            </Section>
          </div>
        </div>
      </div>
    </>
  );
}
