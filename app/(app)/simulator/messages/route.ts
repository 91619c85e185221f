// POST /simulator/messages — a simulated customer writes to the sandbox number (text, a tapped button or a file)
import { withTenant } from '@/lib/api/route';
import { readSimulatorForm, simulatorMessageFromForm } from '@/lib/whatsapp/sandbox/request';
import { simulateInbound } from '@/lib/whatsapp/sandbox/simulate-inbound';

export const POST = withTenant(
  async ({ req, db, ctx }) => {
    const input = await simulatorMessageFromForm(await readSimulatorForm(req));
    return Response.json(await simulateInbound(db, ctx, input), { status: 201 });
  },
  { allowSession: true, minimumRole: 'admin' },
);
