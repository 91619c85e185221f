import { ArrowRight, ShoppingBag } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db';
import type { Purchase } from '@/db/schema';
import type { CustomerJson } from '@/lib/customers/customers';
import { formatDateTime } from '@/lib/inbox/format';
import { todayInMalaysia } from '@/lib/mykad';
import { listCustomerPurchases, listTierChanges } from '@/lib/purchases/list';
import { formatRinggit } from '@/lib/purchases/money';
import { tierLabels } from '@/lib/purchases/tier-labels';
import type { TenantContext } from '@/lib/tenants/context';
import { PurchaseRowActions, RecordPurchaseDialog } from './purchase-dialogs';
import { TierBadge } from './tier-badge';

const SHOWN = 50;

const sourceLabels: Record<Purchase['source'], string> = { receipt: 'Receipt photo', manual: 'Entered by hand', api: 'POS / API', import: 'CSV import' };

// Receipt days are calendar days: shown as written, never shifted by a time zone.
const dayFormat = new Intl.DateTimeFormat('en-MY', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
const formatDay = (day: string) => dayFormat.format(new Date(`${day}T00:00:00Z`));

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="min-w-0 rounded-md border p-3">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="mt-1 truncate font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

function PurchaseRow({ purchase, customerId, canEdit }: { purchase: Purchase; customerId: string; canEdit: boolean }) {
  return (
    <li className="grid gap-2 py-3" data-testid="purchase-row">
      <div className="flex items-start gap-3">
        {purchase.receiptMediaId ? (
          <a href={`/api/media/${purchase.receiptMediaId}`} target="_blank" rel="noreferrer" className="shrink-0 rounded focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
            {/* A stored receipt photo, served with the session by /api/media. */}
            <img src={`/api/media/${purchase.receiptMediaId}`} alt={`Receipt from ${purchase.merchant ?? 'the shop'}`} className="size-12 rounded border object-cover" loading="lazy" />
          </a>
        ) : null}
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium">{purchase.merchant ?? 'Unknown merchant'}</p>
          <p className="text-xs text-muted-foreground">
            {formatDay(purchase.purchasedOn)}
            {purchase.receiptNumber ? ` · No. ${purchase.receiptNumber}` : ''} · {sourceLabels[purchase.source]}
            {purchase.confidence !== null ? ` · read with ${Math.round(purchase.confidence * 100)}% confidence` : ''}
          </p>
        </div>
        <p className="shrink-0 font-semibold tabular-nums">{formatRinggit(purchase.total)}</p>
      </div>
      {purchase.items.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-muted-foreground">
            {purchase.items.length} item{purchase.items.length === 1 ? '' : 's'}
          </summary>
          <ul className="mt-1 grid gap-0.5 pl-4">
            {purchase.items.map((item, i) => (
              <li key={i} className="flex justify-between gap-3">
                <span>
                  {item.quantity === 1 ? '' : `${item.quantity} × `}
                  {item.name}
                </span>
                <span className="tabular-nums">{formatRinggit(item.amount)}</span>
              </li>
            ))}
            {purchase.tax ? (
              <li className="flex justify-between gap-3 text-muted-foreground">
                <span>Tax (SST)</span>
                <span className="tabular-nums">{formatRinggit(purchase.tax)}</span>
              </li>
            ) : null}
          </ul>
        </details>
      ) : null}
      {canEdit ? (
        <PurchaseRowActions
          customerId={customerId}
          purchase={{ id: purchase.id, date: purchase.purchasedOn, total: purchase.total, merchant: purchase.merchant ?? '', receiptNumber: purchase.receiptNumber ?? '' }}
        />
      ) : null}
    </li>
  );
}

// The customer page's purchases: spend and tier, the latest purchases with their receipts,
// and how the tier moved. Owners and admins correct and delete.
export async function PurchaseHistory({ ctx, customer, canEdit }: { ctx: TenantContext; customer: CustomerJson; canEdit: boolean }) {
  const db = getDb();
  const [rows, changes] = await Promise.all([listCustomerPurchases(db, ctx, customer.id, { limit: SHOWN + 1 }), listTierChanges(db, ctx, customer.id)]);
  const purchases = rows.slice(0, SHOWN);
  return (
    <div className="grid min-w-0 gap-4" data-testid="purchase-history">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <TierBadge tier={customer.tier} />
        <RecordPurchaseDialog customerId={customer.id} today={todayInMalaysia()} />
      </div>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        <Stat label="Total spent" value={formatRinggit(customer.totalSpent)} />
        <Stat label="Purchases" value={customer.purchaseCount.toLocaleString('en')} />
        <Stat label="Average" value={customer.purchaseCount ? formatRinggit(customer.averageSpend) : '—'} />
        <Stat label="Last purchase" value={customer.lastPurchaseAt ? formatDay(todayInMalaysia(new Date(customer.lastPurchaseAt))) : '—'} />
      </dl>
      {purchases.length === 0 ? (
        <EmptyState icon={ShoppingBag} titleAs="h3" title="No purchases recorded" description="Receipts the customer sends on WhatsApp, POS sales and imports are listed here." className="min-h-32 p-6 md:p-6" />
      ) : (
        <ul className="divide-y" aria-label="Purchases">
          {purchases.map((p) => (
            <PurchaseRow key={p.id} purchase={p} customerId={customer.id} canEdit={canEdit} />
          ))}
        </ul>
      )}
      {rows.length > SHOWN ? <p className="text-xs text-muted-foreground">The latest {SHOWN} purchases; the REST API lists them all.</p> : null}
      {changes.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium">Tier history</summary>
          <ol className="mt-2 grid gap-1 text-sm">
            {changes.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-1.5">
                {c.fromTier ? <Badge variant="outline">{tierLabels.en[c.fromTier]}</Badge> : null}
                <ArrowRight className="size-3 text-muted-foreground" aria-label="to" />
                <Badge variant="outline">{tierLabels.en[c.toTier]}</Badge>
                <span className="text-muted-foreground">
                  at {formatRinggit(c.spend)} · {formatDateTime(c.createdAt.toISOString())}
                  {c.notified ? ' · told on WhatsApp' : ''}
                </span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
