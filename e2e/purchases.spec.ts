import { randomUUID } from 'node:crypto';
import { todayInMalaysia } from '../lib/mykad';
import { expect, test } from './fixtures';
import { CustomerPage } from './pages/customer-page';
import { PurchasesSection } from './pages/purchases-section';
import { SimulatorPage } from './pages/simulator-page';

test('the owner records a purchase, sees spend and tier move, a second copy of the receipt is refused, new thresholds recalculate the tier, and a CSV of purchases adds to it', async ({ tenant }) => {
  const simulator = new SimulatorPage(tenant.page);
  await simulator.open();
  const name = `Farah Belanja ${randomUUID().slice(0, 4)}`;
  const phone = await simulator.startCustomer(name);
  await simulator.send('hello');
  // The consent notice's buttons: the message was processed and the customer exists.
  await expect(simulator.phone.getByRole('button', { name: 'YA', exact: true })).toBeVisible();

  const customer = new CustomerPage(tenant.page);
  await customer.openFromList(name);
  const purchases = new PurchasesSection(tenant.page);
  await purchases.expectTier('Bronze');
  await expect(purchases.stat('Total spent')).toHaveText('RM 0.00');

  await purchases.record({ total: '612.50', merchant: 'Kedai Kopi Aisyah', receiptNumber: 'KKA-77' });
  await expect(tenant.page.getByText('Purchase recorded. The customer is now Silver.')).toBeVisible();
  await purchases.expectTier('Silver');
  await expect(purchases.stat('Total spent')).toHaveText('RM 612.50');
  await expect(purchases.stat('Purchases')).toHaveText('1');
  await expect(purchases.rows.filter({ hasText: 'Kedai Kopi Aisyah' })).toContainText('RM 612.50');

  // The same receipt again: refused beside the receipt number, nothing added.
  await purchases.record({ total: '612.5', merchant: 'KEDAI KOPI AISYAH', receiptNumber: 'kka 77' });
  await expect(purchases.dialog.getByText('This receipt is already recorded for a customer of yours.')).toBeVisible();
  await purchases.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(purchases.rows).toHaveCount(1);

  // Thresholds that do not rise are refused beside the field; raised ones move the customer down.
  await purchases.setThresholds({ silver: '700', gold: '600' });
  await expect(tenant.page.getByText(/Gold must start above Silver/)).toBeVisible();
  await purchases.setThresholds({ silver: '700', gold: '2000' });
  await expect(tenant.page.getByText('Tiers saved. 1 customer changed tier.')).toBeVisible();
  await customer.openFromList(name);
  await purchases.expectTier('Bronze');
  await purchases.root.getByText('Tier history').click();
  await expect(purchases.root.getByRole('listitem').filter({ hasText: 'at RM 612.50' })).toHaveCount(2);

  // A CSV of purchases: checked first, then imported; the customer reaches Gold.
  const day = todayInMalaysia(new Date(Date.now() - 10 * 86_400_000)).split('-').reverse().join('/');
  await purchases.importCsv(['No. Telefon,Tarikh,Jumlah,Kedai,No. Resit', `${phone},${day},1500.00,Kedai Kopi Aisyah,KKA-78`, `0190000000,${day},abc,,`].join('\n'));
  await expect(tenant.page.getByText('1 purchase added')).toBeVisible();
  await customer.openFromList(name);
  await purchases.expectTier('Gold');
  await expect(purchases.stat('Total spent')).toHaveText('RM 2,112.50');
});
