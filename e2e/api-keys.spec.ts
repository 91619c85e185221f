import { expect, test } from './fixtures';
import { ApiKeysPage } from './pages/api-keys-page';
import { apiClient } from './support/api-client';

test('an API key created in settings works until it is revoked', async ({ tenant, request }) => {
  const keys = new ApiKeysPage(tenant.page);
  await keys.open();
  const api = apiClient(request, await keys.create('POS integration'));

  const openapi = await api.get('/openapi.json');
  expect(openapi.status()).toBe(200);
  expect((await openapi.json()).openapi).toMatch(/^3\.1/);

  const me = await api.get('/tenant');
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ name: tenant.businessName });

  const invalid = await api.post('/invitations', { email: 'not-an-email', role: 'boss' });
  expect(invalid.status()).toBe(422);
  expect(invalid.headers()['content-type']).toContain('application/problem+json');
  const problem = await invalid.json();
  expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'role']);

  const oversized = await api.post('/invitations', { email: 'a@example.com', role: 'agent', padding: 'x'.repeat(1_100_000) });
  expect(oversized.status()).toBe(413);

  await keys.revoke('POS integration');
  const revoked = await api.get('/tenant');
  expect(revoked.status()).toBe(401);
  expect(revoked.headers()['content-type']).toContain('application/problem+json');
});
