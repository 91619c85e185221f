import { expect, test, uniqueEmail } from './fixtures';
import { ApiKeysPage } from './pages/api-keys-page';
import { TeamPage } from './pages/team-page';
import { apiClient } from './support/api-client';

test("one tenant sees nothing of another's team, in the UI or through the API", async ({ newTenant, request }) => {
  const a = await newTenant('Kedai A');
  const b = await newTenant('Kedai B');

  const invitee = uniqueEmail('invitee-of-a');
  const teamA = new TeamPage(a.page);
  await teamA.open();
  await teamA.invite(invitee, 'Agent');

  const teamB = new TeamPage(b.page);
  await teamB.open();
  await expect(teamB.member(b.email)).toBeVisible();
  await expect(b.page.getByText('No open invitations.')).toBeVisible();
  await expect(b.page.getByText(a.email)).toHaveCount(0);
  await expect(b.page.getByText(invitee)).toHaveCount(0);

  const keysA = new ApiKeysPage(a.page);
  await keysA.open();
  const apiA = apiClient(request, await keysA.create('A integration'));
  const keysB = new ApiKeysPage(b.page);
  await keysB.open();
  const apiB = apiClient(request, await keysB.create('B integration'));

  const ownerOfA = (await apiA.list<{ userId: string; email: string }>('/members')).find((m) => m.email === a.email);
  expect(ownerOfA).toBeDefined();
  expect((await apiA.get(`/members/${ownerOfA?.userId}`)).status()).toBe(200);
  expect((await apiB.get(`/members/${ownerOfA?.userId}`)).status()).toBe(404);

  const invitedBy = async (api: typeof apiA) => (await api.list<{ email: string }>('/invitations')).map((i) => i.email);
  expect(await invitedBy(apiA)).toContain(invitee);
  expect(await invitedBy(apiB)).not.toContain(invitee);
});
