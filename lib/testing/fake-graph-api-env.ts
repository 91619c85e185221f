import { afterAll, beforeAll } from 'vitest';
import { resetEnvCache } from '@/lib/env';
import { DEFAULT_ALLOWED_HOSTS } from '@/lib/whatsapp/providers';
import { type FakeGraphApi, startFakeGraphApi } from './fake-graph-api';

// Sets WHATSAPP_API_ALLOWED_HOSTS for the rest of the file; null restores the default.
export function allowApiHosts(hosts: readonly string[] | null): void {
  if (hosts) process.env.WHATSAPP_API_ALLOWED_HOSTS = hosts.join(',');
  else delete process.env.WHATSAPP_API_ALLOWED_HOSTS;
  resetEnvCache();
}

// One fake Graph API server per test file, its loopback host allowed beside the default hosts,
// so channels may point their apiBaseUrl at it.
export function useFakeGraphApi(): { readonly api: FakeGraphApi; readonly hosts: string[] } {
  let current: FakeGraphApi | undefined;
  beforeAll(async () => {
    current = await startFakeGraphApi();
    allowApiHosts([...DEFAULT_ALLOWED_HOSTS, new URL(current.origin).host]);
  });
  afterAll(async () => {
    allowApiHosts(null);
    await current?.close();
  });
  const api = (): FakeGraphApi => {
    if (!current) throw new Error('The fake Graph API starts in beforeAll; use it inside a test or hook.');
    return current;
  };
  return {
    get api() {
      return api();
    },
    get hosts() {
      return [...DEFAULT_ALLOWED_HOSTS, new URL(api().origin).host];
    },
  };
}
