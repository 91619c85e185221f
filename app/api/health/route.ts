// GET /api/health — database, job backlog and provider status for load balancers and operators
import { sql } from 'drizzle-orm';
import { getDatabaseHandle } from '@/db';
import { getEnv } from '@/lib/env';
import { jobBacklog } from '@/lib/jobs/worker';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const started = performance.now();
  const env = getEnv();
  try {
    const handle = getDatabaseHandle();
    await handle.db.execute(sql`select 1`);
    const databaseMs = Math.round(performance.now() - started);
    const jobs = env.inngestEnabled ? { driver: 'inngest' as const } : { driver: 'local' as const, ...(await jobBacklog(handle.db)) };
    return Response.json({ status: 'ok', database: { status: 'ok', kind: handle.kind, latencyMs: databaseMs }, jobs });
  } catch {
    return Response.json({ status: 'error', database: { status: 'error' } }, { status: 503 });
  }
}
