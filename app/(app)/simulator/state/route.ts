// GET /simulator/state?phone= — the simulated customers, and one customer's conversation as their phone shows it
import { withTenant } from '@/lib/api/route';
import { listSimulatedCustomers, simulatorThread } from '@/lib/whatsapp/sandbox/thread';

export const GET = withTenant(
  async ({ req, db, ctx }) => {
    const phone = new URL(req.url).searchParams.get('phone');
    const [customers, thread] = await Promise.all([listSimulatedCustomers(db, ctx), phone ? simulatorThread(db, ctx, phone) : null]);
    return Response.json({ customers, thread }, { headers: { 'cache-control': 'no-store' } });
  },
  { allowSession: true, minimumRole: 'admin' },
);
