import { FlaskConical } from 'lucide-react';
import type { Metadata } from 'next';
import { Forbidden } from '@/components/shell/forbidden';
import { PageHeader } from '@/components/shell/page-header';
import { Simulator } from '@/components/simulator/simulator';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { getDb } from '@/db';
import { requireSessionContext } from '@/lib/auth/session';
import { getEnv } from '@/lib/env';
import { hasRole } from '@/lib/tenants/context';
import { limitFor } from '@/lib/whatsapp/media/policy';
import { randomSimulatorPhone } from '@/lib/whatsapp/sandbox/random-phone';
import { listSimulatedCustomers } from '@/lib/whatsapp/sandbox/thread';

export const metadata: Metadata = { title: 'Customer simulator' };

export default async function SimulatorPage() {
  const ctx = await requireSessionContext();
  if (!hasRole(ctx, 'admin')) return <Forbidden what="The customer simulator" />;
  const customers = await listSimulatedCustomers(getDb(), ctx);
  const maxBytes = getEnv().MEDIA_MAX_BYTES;
  return (
    <>
      <PageHeader title="Customer simulator" description="Play your customers on the sandbox WhatsApp number and watch their messages arrive in the inbox." />
      <Alert className="mb-6 max-w-4xl">
        <FlaskConical aria-hidden="true" />
        <AlertTitle>This is the sandbox: nothing leaves this server</AlertTitle>
        <AlertDescription>
          No message reaches WhatsApp or a real phone. Each message is signed and posted to Sembang&apos;s own webhook exactly as Meta would send it, so what works
          here works with the Cloud API. Replies from the inbox appear here with their ticks.
        </AlertDescription>
      </Alert>
      <Simulator
        initialCustomers={customers}
        defaultPhone={randomSimulatorPhone()}
        limits={{ imageBytes: limitFor('image', maxBytes), documentBytes: limitFor('document', maxBytes) }}
      />
    </>
  );
}
