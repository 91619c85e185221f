import { getDatabaseHandle } from '@/db';
import { scheduleAnalyticsForAllTenants } from '@/lib/analytics/refresh-schedule';
import { demoLogins, seedDemo } from '@/db/seed/demo';
import { getEnv } from '@/lib/env';
import { scheduleTriggersForAllTenants } from '@/lib/campaigns/trigger-schedule';
import { startJobWorker } from '@/lib/jobs/worker';
import { scheduleRetentionForAllTenants } from '@/lib/pdpa/retention-schedule';
import { scheduleTiersForAllTenants } from '@/lib/purchases/tier-schedule';
import { logger } from '@/lib/logger';
import { webhookDeliveriesPerSecond } from '@/lib/whatsapp/ingest/accept-delivery';
import { shutdownOcrEngine } from '@/lib/ocr/engine';
import { offerWebhookLane } from '@/lib/server/request-listener';
import { handleWebhookPost } from '@/lib/whatsapp/webhook/node-handler';

// Runs once when a Node.js server process starts (instrumentation.ts).
export async function boot(): Promise<void> {
  const env = getEnv();
  const handle = getDatabaseHandle();
  if (env.AUTO_MIGRATE === 'true') {
    await handle.migrate();
    logger.info({ database: handle.kind }, 'database migrated');
  }
  const seed = env.SEED_DEMO ? env.SEED_DEMO === 'true' : env.embedded;
  if (seed) {
    await seedDemo(handle.db);
    printDemoLogin();
  }
  // server.ts sends Meta's webhook POSTs straight to this process's handler, once
  // the database is ready (see request-listener).
  offerWebhookLane((req, res) => handleWebhookPost(req, res));
  if (!env.inngestEnabled && env.JOBS_WORKER === 'true') {
    // Inngest runs retention, tiers, campaign triggers and analytics on crons; the embedded worker runs each tenant's chains.
    await scheduleRetentionForAllTenants(handle.db, new Date());
    await scheduleTiersForAllTenants(handle.db, new Date());
    await scheduleTriggersForAllTenants(handle.db, new Date());
    await scheduleAnalyticsForAllTenants(handle.db, new Date());
    const yieldAbove = env.JOBS_YIELD_ABOVE_WEBHOOKS_PER_SECOND;
    const worker = startJobWorker({
      db: handle.db,
      pollIntervalMs: env.JOBS_POLL_INTERVAL_MS,
      concurrency: env.JOBS_CONCURRENCY,
      // The webhook's fast path runs in this process: a burst is acknowledged first.
      busy: yieldAbove > 0 ? () => webhookDeliveriesPerSecond() > yieldAbove : undefined,
    });
    // Let running jobs finish, then end the OCR workers (and their temp language data) and the database.
    const stop = () => void worker.stop().finally(() => shutdownOcrEngine().catch(() => undefined).then(() => handle.close()));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  }
}

// Next.js would keep serving with a broken set-up; a clear message and a stop are better.
export async function bootOrExit(): Promise<void> {
  try {
    await boot();
  } catch (error) {
    process.stderr.write(`Sembang cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

function printDemoLogin(): void {
  const { owner, agent } = demoLogins;
  process.stdout.write(
    [
      '',
      '  Sembang demo business is ready.',
      `  Log in as owner:  ${owner.email}  /  ${owner.password}`,
      `  Log in as agent:  ${agent.email}  /  ${agent.password}`,
      '',
    ].join('\n') + '\n',
  );
}
