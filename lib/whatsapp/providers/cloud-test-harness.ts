import { afterEach, beforeEach } from 'vitest';
import { type FakeGraphApi, startFakeGraphApi } from '@/lib/testing/fake-graph-api';
import { type CloudProviderOptions, createCloudProvider } from './cloud';
import type { WhatsAppProvider } from './types';

export interface CloudHarness {
  readonly api: FakeGraphApi;
  readonly provider: WhatsAppProvider;
  // The waits withRetry asked for; nothing really sleeps.
  readonly sleeps: number[];
}

// A cloud provider aimed at a fresh fake Graph API for each test of the calling file.
export function useCloudHarness(overrides: Partial<CloudProviderOptions> = {}): CloudHarness {
  let api: FakeGraphApi | undefined;
  let provider: WhatsAppProvider | undefined;
  const sleeps: number[] = [];
  beforeEach(async () => {
    api = await startFakeGraphApi();
    sleeps.length = 0;
    provider = createCloudProvider({
      apiBaseUrl: api.baseUrl,
      phoneNumberId: '106540352242922',
      wabaId: '102290129340398',
      accessToken: 'EAAG-test-token',
      retry: { random: () => 0.5, sleep: async (ms) => void sleeps.push(ms) },
      ...overrides,
    });
  });
  afterEach(() => api?.close());
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useCloudHarness is only ready inside a test');
    return value;
  };
  return {
    get api() {
      return ready(api);
    },
    get provider() {
      return ready(provider);
    },
    sleeps,
  };
}
