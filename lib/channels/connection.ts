import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { channels } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { requireRole } from '@/lib/members/members';
import type { TenantContext } from '@/lib/tenants/context';
import { ProviderError, createProvider } from '@/lib/whatsapp/providers';
import { loadChannel } from './channels';
import { providerConfigFor } from './provider-for-channel';

interface ChannelConnection {
  verifiedName: string | null;
  displayPhoneNumber: string | null;
  qualityRating: string | null;
  lastCheckedAt: Date;
}

// A connection check sends nothing; the sandbox answers it without any network.
const checkOnly = { onSend: () => Promise.reject(new Error('a connection check sends nothing')) };

// Provider failures in words for the person who pressed "Test connection", with Meta's own
// message when it adds something.
function connectionFailure(error: ProviderError): AppError {
  if (error.kind === 'network') return new AppError('bad_gateway', 'Could not reach WhatsApp at the API base URL. Check the URL and try again.');
  const said = error.title && error.title !== error.message ? ` WhatsApp said: “${error.title}”` : '';
  // Refused before anything was sent (e.g. a gateway that cannot be tested): our answer, not WhatsApp's.
  const code = error.httpStatus === null && error.kind === 'invalid' ? 'bad_request' : 'bad_gateway';
  return new AppError(code, `${error.message}${said}`);
}

// Asks WhatsApp for the number's verified name, display number and quality rating with the
// stored credentials, and keeps the answer on the channel.
export async function testChannelConnection(db: Database, ctx: TenantContext, id: string): Promise<ChannelConnection> {
  requireRole(ctx, 'admin');
  const row = await loadChannel(db, ctx, id);
  let info: Omit<ChannelConnection, 'lastCheckedAt'>;
  try {
    // The allow-list is checked again: it may have shrunk since the URL was saved.
    const provider = createProvider(providerConfigFor(row, checkOnly), { allowedHosts: getEnv().WHATSAPP_API_ALLOWED_HOSTS, retry: { attempts: 1 } });
    info = await provider.checkConnection();
  } catch (error) {
    if (error instanceof ProviderError) throw connectionFailure(error);
    throw error;
  }
  const result = { verifiedName: info.verifiedName, displayPhoneNumber: info.displayPhoneNumber, qualityRating: info.qualityRating, lastCheckedAt: new Date() };
  await db
    .update(channels)
    .set(result)
    .where(and(eq(channels.tenantId, ctx.tenantId), eq(channels.id, row.id)));
  return result;
}
