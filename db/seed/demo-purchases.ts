import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers } from '@/db/schema';
import { localJobClient } from '@/lib/jobs/local-driver';
import { todayInMalaysia } from '@/lib/mykad';
import { formatCents } from '@/lib/purchases/money';
import { recordPurchase } from '@/lib/purchases/record';
import { addDays } from '@/lib/purchases/tiers';
import type { TenantContext } from '@/lib/tenants/context';

// The demo customers' purchases over the past eleven months, through recordPurchase, so their
// spend, tiers and tier history are what the app itself would have made. Every purchase has
// an idempotency key, so running this again adds nothing.

const menu: readonly (readonly [string, number])[] = [
  ['Kopi O ais', 350],
  ['Teh tarik', 300],
  ['Roti bakar kaya', 450],
  ['Nasi lemak ayam', 850],
  ['Mee goreng mamak', 700],
  ['Kek pandan', 4500],
];
const outlets = ['Kedai Kopi Aisyah (Shah Alam)', 'Kedai Kopi Aisyah (Bangsar)'];
const payments = ['Cash', 'DuitNow QR', 'Card', "Touch 'n Go eWallet"];

// Spend per customer, by position: a few regulars who cater events, most a coffee now and then.
const targetSen = (i: number) => [5_600_00, 2_400_00, 2_150_00, 900_00, 650_00, 520_00][i] ?? 40_00 + ((i * 2_917) % 300_00);

function itemsFor(total: number, seed: number) {
  const items: { name: string; quantity: number; amount: string }[] = [];
  let left = total;
  for (let k = 0; k < 3 && left > 0; k++) {
    const [name, price] = menu[(seed + k * 5) % menu.length]!;
    const quantity = Math.max(1, Math.min(3, Math.floor(left / price)));
    if (price * quantity > left) continue;
    items.push({ name, quantity, amount: formatCents(price * quantity) });
    left -= price * quantity;
  }
  if (left > 0) items.push({ name: 'Tempahan katering', quantity: 1, amount: formatCents(left) });
  return items;
}

export async function seedDemoPurchases(db: Database, ctx: TenantContext): Promise<void> {
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.tenantId, ctx.tenantId), isNotNull(customers.phone)))
    .orderBy(asc(customers.phone));
  const today = todayInMalaysia();
  for (const [i, customer] of rows.entries()) {
    const target = targetSen(i);
    const count = 2 + (i % 5);
    const totals = Array.from({ length: count }, (_, j) => Math.floor(target / count) + (j === 0 ? target % count : 0));
    for (const [j, total] of totals.entries()) {
      const result = await recordPurchase(
        db,
        ctx,
        {
          customerId: customer.id,
          idempotencyKey: `demo:${i}:${j}`,
          source: j % 3 === 0 ? 'api' : 'manual',
          date: addDays(today, -(((i * 37 + j * 53) % 330) + 1)),
          total: formatCents(total),
          merchant: outlets[(i + j) % outlets.length],
          receiptNumber: `KKA-${String(10_000 + i * 100 + j)}`,
          paymentMethod: payments[(i + j) % payments.length],
          items: itemsFor(total, i + j),
        },
        { jobs: localJobClient },
      );
      if (!result.ok) throw new Error(`demo purchase ${i}:${j} clashes with ${result.existingPurchaseId}`);
    }
  }
}
