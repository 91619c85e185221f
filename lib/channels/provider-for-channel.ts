import type { Database } from '@/db';
import type { Channel } from '@/db/schema';
import { decrypt } from '@/lib/crypto';
import { getEnv } from '@/lib/env';
import { type ProviderConfig, type WhatsAppProvider, createProvider } from '@/lib/whatsapp/providers';
import type { SandboxProviderOptions } from '@/lib/whatsapp/providers/sandbox';
import { sandboxHooks } from '@/lib/whatsapp/sandbox/statuses';
import { loadChannel } from './channels';

// What the sandbox does instead of a network: status webhooks for each send, and the files
// the simulator's customers sent (lib/whatsapp/sandbox).
export type SandboxHooks = Pick<SandboxProviderOptions, 'onSend' | 'mediaStore'>;

// A channel's stored settings, decrypted, as the provider layer wants them.
export function providerConfigFor(row: Channel, sandbox: SandboxHooks): ProviderConfig {
  const key = getEnv().ENCRYPTION_KEY;
  const accessToken = row.accessTokenEnc ? decrypt(row.accessTokenEnc, key) : '';
  switch (row.type) {
    case 'cloud':
      return { type: 'cloud', apiBaseUrl: row.apiBaseUrl, phoneNumberId: row.phoneNumberId ?? '', wabaId: row.wabaId, accessToken };
    case 'wabot':
      return { type: 'wabot', apiBaseUrl: row.apiBaseUrl ?? '', instanceId: row.wabotInstanceId ?? '', accessToken };
    case 'sandbox':
      return { type: 'sandbox', displayPhoneNumber: row.displayPhoneNumber, ...sandbox };
  }
}

// The provider that sends through a tenant's channel (tenant-scoped: another tenant's channel
// id is not found).
export async function providerForChannel(
  db: Database,
  ref: { tenantId: string; channelId: string },
  sandbox: SandboxHooks = sandboxHooks(db, ref),
): Promise<WhatsAppProvider> {
  const row = await loadChannel(db, { tenantId: ref.tenantId }, ref.channelId);
  return createProvider(providerConfigFor(row, sandbox), { allowedHosts: getEnv().WHATSAPP_API_ALLOWED_HOSTS });
}
