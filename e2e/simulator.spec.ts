import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox-page';
import { SimulatorPage } from './pages/simulator-page';

// The sandbox end to end: the simulator's messages go through the signed webhook into the
// inbox, and the agent's replies come back through the sandbox provider with their statuses.

test('a simulated customer says hello, the agent replies from the inbox, the reply arrives with ticks', async ({ tenant }) => {
  const simulator = new SimulatorPage(tenant.page);
  await simulator.open();
  await expect(simulator.sandboxNote).toBeVisible();
  const name = `Siti Simulator ${randomUUID().slice(0, 4)}`;
  await simulator.startCustomer(name);
  await simulator.send('hello');
  await expect(simulator.fromCustomer('hello')).toBeVisible();

  const inbox = new InboxPage(await tenant.page.context().newPage());
  await inbox.open();
  await expect(inbox.conversation(name)).toBeVisible();
  await inbox.openConversation(name);
  await expect(inbox.message('hello')).toHaveAttribute('data-direction', 'inbound');
  await inbox.reply('Terima kasih! Apa yang boleh kami bantu?');

  const reply = simulator.fromBusiness('Terima kasih! Apa yang boleh kami bantu?');
  await expect(reply).toBeVisible();
  await expect(reply).toHaveAttribute('data-status', /^(delivered|read)$/);
  await expect(reply.getByRole('img', { name: /^(Delivered|Read)$/ })).toBeVisible();
  // The simulator showed it, so the customer has read it: blue ticks in the inbox too.
  await expect(inbox.message('Terima kasih! Apa yang boleh kami bantu?')).toHaveAttribute('data-status', 'read');
});

test('an image from the simulator shows inline in the inbox', async ({ tenant }) => {
  const simulator = new SimulatorPage(tenant.page);
  await simulator.open();
  const name = `Ahmad Gambar ${randomUUID().slice(0, 4)}`;
  await simulator.startCustomer(name);
  // A real PNG: a corner of the page itself.
  const png = await tenant.page.screenshot({ clip: { x: 0, y: 0, width: 48, height: 48 } });
  await simulator.sendImage({ name: 'resit.png', mimeType: 'image/png', buffer: png }, 'Resit saya');
  await expect(simulator.fromCustomer('Resit saya')).toBeVisible();

  const inbox = new InboxPage(await tenant.page.context().newPage());
  await inbox.open();
  await inbox.openConversation(name);
  const image = inbox.message('Resit saya').getByRole('img', { name: 'Resit saya' });
  await expect(image).toBeVisible({ timeout: 20_000 });
  await expect(image).toHaveAttribute('src', /^\/api\/media\/[0-9a-f-]{36}/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
});
