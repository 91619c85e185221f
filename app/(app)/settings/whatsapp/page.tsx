import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { AddChannelForm } from '@/components/channels/add-channel-form';
import { ChannelTable } from '@/components/channels/channel-table';
import { CopyField } from '@/components/settings/copy-field';
import { Forbidden } from '@/components/shell/forbidden';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { listChannels } from '@/lib/channels/channels';
import { getEnv } from '@/lib/env';
import { hasRole } from '@/lib/tenants/context';
import { DEFAULT_GRAPH_API_BASE_URL } from '@/lib/whatsapp/providers';

export const metadata: Metadata = { title: 'WhatsApp' };

// APP_URL when configured, else the address this page was requested on.
async function origin(): Promise<string> {
  const configured = getEnv().APP_URL;
  if (configured) return configured.replace(/\/$/, '');
  const h = await headers();
  return `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost'}`;
}

export default async function WhatsAppSettingsPage() {
  const ctx = await requireSessionContext();
  if (!hasRole(ctx, 'admin')) return <Forbidden what="WhatsApp settings" />;
  const channels = await listChannels(getDb(), ctx);
  const callbackUrl = `${await origin()}/api/webhooks/whatsapp`;
  return (
    <div className="grid grid-cols-1 gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Channels</CardTitle>
          <CardDescription>The WhatsApp numbers your team talks through. Tokens and secrets are stored encrypted and never shown again.</CardDescription>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          {channels.length === 0 ? (
            <p className="text-sm text-muted-foreground">No channels yet. Your sandbox channel appears here in a moment.</p>
          ) : (
            <ChannelTable channels={channels} defaultApiBaseUrl={DEFAULT_GRAPH_API_BASE_URL} />
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Add Cloud API channel</CardTitle>
          <CardDescription>
            Connect a number from Meta&apos;s WhatsApp Cloud API. In the Meta App Dashboard, open WhatsApp → Configuration → Webhook, paste this callback URL with
            the verify token you choose below, and subscribe to the “messages” field.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <CopyField value={callbackUrl} label="Webhook callback URL" />
          <AddChannelForm type="cloud" defaultApiBaseUrl={DEFAULT_GRAPH_API_BASE_URL} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Add wabot gateway</CardTitle>
          <CardDescription>
            Optional and send-only: a wabot.my-compatible WhatsApp Web gateway. It is not Meta&apos;s official API, messages from customers do not arrive through it, and
            the number may be blocked for bulk sending.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <AddChannelForm type="wabot" defaultApiBaseUrl={DEFAULT_GRAPH_API_BASE_URL} />
        </CardContent>
      </Card>
    </div>
  );
}
