// POST /simulator/read — the simulator showed these business messages: report them read
import { readJson } from '@/lib/api/body';
import { withTenant } from '@/lib/api/route';
import { simulatorReadSchema } from '@/lib/whatsapp/sandbox/request';
import { markSimulatorRead } from '@/lib/whatsapp/sandbox/statuses';

export const POST = withTenant(
  async ({ req, db, ctx }) => {
    const { wamids } = await readJson(req, simulatorReadSchema);
    return Response.json(await markSimulatorRead(db, ctx, wamids));
  },
  { allowSession: true, minimumRole: 'admin' },
);
