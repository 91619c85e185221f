import { expect, test } from './fixtures';
import { ApiKeysPage } from './pages/api-keys-page';
import { InboxPage } from './pages/inbox-page';
import { apiClient } from './support/api-client';
import { connectCloudChannel, customerNumber, customerWrites } from './support/meta';

// Customers reach the inbox through the real webhook: a signed, Meta-shaped delivery to
// POST /api/webhooks/whatsapp for a Cloud API channel the test connects through the REST API.
// (The sandbox's simulator can replace this once it lands; the ingest path is the same.)

test('a customer message appears live; the agent replies, assigns and resolves', async ({ tenant, request }) => {
  const page = tenant.page;
  const keys = new ApiKeysPage(page);
  await keys.open();
  const key = await keys.create('Inbox e2e');
  const api = apiClient(request, key);
  const channel = await connectCloudChannel(request, key);
  const customer = { waId: customerNumber(), name: 'Aisyah Pelanggan' };

  const inbox = new InboxPage(page);
  await inbox.open();
  await expect(inbox.list.getByText('No open conversations')).toBeVisible();

  // Arrives while the inbox is open: no reload.
  await customerWrites(request, channel, customer, 'hello, ada kopi?');
  const item = inbox.conversation(customer.name);
  await expect(item).toContainText('hello, ada kopi?');
  await expect(item.getByTestId('unread')).toHaveText('1 unread');

  await inbox.openConversation(customer.name);
  await expect(inbox.message('hello, ada kopi?')).toHaveAttribute('data-direction', 'inbound');
  await expect(inbox.thread).toContainText(`+${customer.waId}`);
  await expect(item.getByTestId('unread')).toHaveCount(0);

  // Shown at once with a clock, then stored.
  await inbox.reply('Ada! Kopi O atau kopi susu?');
  const reply = inbox.message('Ada! Kopi O atau kopi susu?');
  await expect(reply).toHaveAttribute('data-direction', 'outbound');
  await expect(reply.getByRole('img', { name: 'Sending' })).toBeVisible();
  await expect(inbox.composer).toHaveValue('');
  // The composer clears before the server has stored the reply; wait for it to count.
  const findCustomer = async () => (await api.list<{ id: string; name: string; phone: string; messageCount: number }>(`/customers?phone=%2B${customer.waId}`))[0];
  // Four: the hello, Sembang's consent notice in Malay and English (first contact), the reply.
  await expect.poll(async () => (await findCustomer())?.messageCount).toBe(4);
  const found = await findCustomer();
  expect(found).toMatchObject({ name: customer.name, phone: `+${customer.waId}` });
  const history = await api.list<{ direction: string; text: string; status: string }>(`/customers/${found?.id}/messages`);
  expect(history.filter((m) => m.direction === 'inbound').map((m) => m.text)).toEqual(['hello, ada kopi?']);
  const sent = history.filter((m) => m.direction === 'outbound').map((m) => m.text);
  expect(sent).toContain('Ada! Kopi O atau kopi susu?');
  expect(sent.filter((text) => text.startsWith(`Hi ${customer.name}! `))).toHaveLength(2);

  // A message into the open conversation shows up in the thread too.
  await customerWrites(request, channel, customer, 'Kopi susu, satu.');
  await expect(inbox.message('Kopi susu, satu.')).toBeVisible();
  // Still there after a reload: the optimistic reply was replaced by the stored one, not added twice.
  await page.reload();
  await expect(inbox.messages).toHaveCount(5);
  await expect(inbox.message('Ada! Kopi O atau kopi susu?')).toHaveCount(1);

  await inbox.assignTo(`${tenant.name} (you)`);
  await expect(inbox.thread.getByRole('button', { name: `Assigned to ${tenant.name}; change` })).toBeVisible();
  await inbox.showTab('Mine');
  await expect(inbox.conversation(customer.name)).toContainText('You');

  await inbox.openConversation(customer.name);
  await inbox.setStatus('Resolve');
  await expect(inbox.thread.getByRole('button', { name: 'Reopen', exact: true })).toBeVisible();
  await inbox.showTab('Resolved');
  await expect(inbox.conversation(customer.name)).toBeVisible();
  await inbox.showTab('Open');
  await expect(inbox.conversation(customer.name)).toHaveCount(0);

  await inbox.searchFor('susu');
  await expect(inbox.list.getByText('Nothing matches “susu”')).toBeVisible();
  await inbox.showTab('All');
  await expect(inbox.conversation(customer.name)).toBeVisible();

  await page.goto('/customers');
  const row = page.getByRole('row').filter({ hasText: customer.name });
  await expect(row).toContainText(`+${customer.waId}`);
  await row.getByRole('link', { name: customer.name }).click();
  await page.getByRole('link', { name: 'Open in inbox' }).click();
  await expect(inbox.conversation(customer.name)).toBeVisible();
});

test('outside the 24-hour window only a template can be sent', async ({ tenant, request }) => {
  const page = tenant.page;
  const keys = new ApiKeysPage(page);
  await keys.open();
  const key = await keys.create('Inbox e2e');
  const channel = await connectCloudChannel(request, key);
  const customer = { waId: customerNumber(), name: 'Tan Lama' };
  await customerWrites(request, channel, customer, 'Terima kasih!', new Date(Date.now() - 2 * 24 * 60 * 60_000));

  const inbox = new InboxPage(page);
  await inbox.open();
  await inbox.openConversation(customer.name);

  await expect(inbox.windowClosedNote).toContainText('WhatsApp only delivers approved templates until they reply.');
  await expect(inbox.composer).toBeDisabled();
  await inbox.thread.getByRole('button', { name: 'Send a template' }).click();
  await expect(page.getByRole('dialog', { name: 'Send a template' })).toContainText('There are no approved templates yet.');
  await page.keyboard.press('Escape');

  const [found] = await apiClient(request, key).list<{ id: string }>(`/customers?phone=%2B${customer.waId}`);
  const refused = await apiClient(request, key).post(`/customers/${found?.id}/messages`, { text: 'Masih ada?' });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).detail).toMatch(/template/);
});
