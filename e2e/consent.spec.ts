import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { ConsentPanel } from './pages/consent-panel';
import { CustomerPage } from './pages/customer-page';
import { SimulatorPage } from './pages/simulator-page';

// The consent conversation from the customer's phone, and its evidence on the customer page.

test('notice with buttons on first contact, YES, STOP, then a change by the owner with a reason', async ({ tenant }) => {
  const simulator = new SimulatorPage(tenant.page);
  await simulator.open();
  const name = `Aina Consent ${randomUUID().slice(0, 4)}`;
  await simulator.startCustomer(name);
  await simulator.send('hello');

  // The notice in Malay and English, each with its answer buttons.
  const bm = simulator.fromBusiness(`Hi ${name}! Anda dihubungi oleh`);
  const en = simulator.fromBusiness(`Hi ${name}! This is`);
  await expect(bm.getByRole('button', { name: 'TIDAK', exact: true })).toBeVisible();
  await expect(en.getByRole('button', { name: 'NO', exact: true })).toBeVisible();

  await en.getByRole('button', { name: 'YES', exact: true }).click();
  await expect(simulator.fromBusiness('Thank you! Your consent has been recorded.')).toBeVisible();
  await expect(simulator.fromBusiness('please share your information')).toBeVisible();

  await simulator.send('STOP');
  await expect(simulator.fromBusiness('Done, you have opted out.')).toBeVisible();

  // The evidence, newest first.
  const customer = new CustomerPage(tenant.page);
  await customer.openFromList(name);
  const consent = new ConsentPanel(tenant.page);
  await expect(consent.events).toHaveCount(3);
  await expect(consent.events.nth(0)).toContainText('Withdrawn');
  await expect(consent.events.nth(0)).toContainText('Typed on WhatsApp');
  await expect(consent.events.nth(0)).toContainText('“STOP”');
  await expect(consent.events.nth(1)).toContainText('Tapped on WhatsApp');
  await expect(consent.events.nth(1)).toContainText('“YES” · notice v1');
  await expect(consent.events.nth(2)).toContainText('Notice sent on WhatsApp');

  // A change needs a reason; the owner is recorded as the actor.
  await consent.change('Granted — may receive marketing', '');
  await expect(consent.form.getByRole('alert')).toContainText('Say why');
  await consent.change('Granted — may receive marketing', 'Signed the paper form at the counter');
  await expect(consent.root.getByRole('status')).toHaveText('Consent change recorded.');
  await expect(consent.events).toHaveCount(4);
  await expect(consent.events.nth(0)).toContainText('Changed by the team');
  await expect(consent.events.nth(0)).toContainText('Signed the paper form at the counter');
  await expect(consent.root.getByTitle('Marketing consent: granted').first()).toBeVisible();
});
