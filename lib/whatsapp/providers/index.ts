import { DEFAULT_ALLOWED_HOSTS, assertAllowedHost } from './allowed-hosts';
import { DEFAULT_GRAPH_API_BASE_URL, createCloudProvider } from './cloud';
import type { RetryOptions } from './retry';
import { createSandboxProvider, type SandboxProviderOptions } from './sandbox';
import type { WhatsAppProvider } from './types';
import { createWabotProvider } from './wabot';

export { DEFAULT_ALLOWED_HOSTS, assertAllowedHost } from './allowed-hosts';
export { DEFAULT_GRAPH_API_BASE_URL } from './cloud';
export { ProviderError, describeError, type ProviderErrorKind } from './errors';
export type { SandboxOutbound } from './sandbox';
export type * from './types';

// A channel's decrypted settings, by channel type.
export type ProviderConfig =
  | { type: 'cloud'; apiBaseUrl?: string | null; phoneNumberId: string; wabaId?: string | null; accessToken: string }
  | { type: 'wabot'; apiBaseUrl: string; instanceId: string; accessToken: string }
  | ({ type: 'sandbox' } & SandboxProviderOptions);

export interface ProviderRuntime {
  // Parsed WHATSAPP_API_ALLOWED_HOSTS; checked again here so a stored URL that slipped past
  // the settings form still cannot reach an internal address.
  allowedHosts?: readonly string[];
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  retry?: RetryOptions;
}

export function createProvider(config: ProviderConfig, runtime: ProviderRuntime = {}): WhatsAppProvider {
  const { allowedHosts = DEFAULT_ALLOWED_HOSTS, ...http } = runtime;
  switch (config.type) {
    case 'cloud': {
      const apiBaseUrl = config.apiBaseUrl || DEFAULT_GRAPH_API_BASE_URL;
      assertAllowedHost(apiBaseUrl, allowedHosts);
      return createCloudProvider({ ...config, apiBaseUrl, ...http });
    }
    case 'wabot':
      assertAllowedHost(config.apiBaseUrl, allowedHosts);
      return createWabotProvider({ baseUrl: config.apiBaseUrl, instanceId: config.instanceId, accessToken: config.accessToken, ...http });
    case 'sandbox':
      return createSandboxProvider(config);
  }
}
