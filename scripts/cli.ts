// Operator CLI: `npm run cli -- <command> [--flags]`. Uses the app's DATABASE_URL rule
// (PostgreSQL when set, else PGlite under DATA_DIR). Prints JSON on stdout.
import { parseArgs } from 'node:util';
import { getDatabaseHandle } from '@/db';
import { demoLogins, seedDemo } from '@/db/seed/demo';
import { refreshArgsSchema, runAnalyticsRefresh } from '@/lib/analytics/refresh-run';
import { createApiKey } from '@/lib/api-keys/api-keys';
import { getEnv } from '@/lib/env';
import { AppError, toAppError } from '@/lib/errors';
import { startJobWorker } from '@/lib/jobs/worker';
import { retentionArgsSchema, runRetention } from '@/lib/pdpa/retention-run';
import { signupSchema, createTenantWithOwner } from '@/lib/tenants/signup';

const usage = `Usage: npm run cli -- <command>

Commands:
  tenant:create --name <business> --email <owner email> --password <password> [--owner-name <name>]
      Create a tenant with its owner and an API key; prints {"tenantId","userId","apiKey"}.
  migrate     Apply database migrations.
  seed        Seed the demo tenant (idempotent).
  worker      Run the embedded job worker until SIGTERM or SIGINT, e.g. beside web processes
      started with JOBS_WORKER=false (JOBS_POLL_INTERVAL_MS and JOBS_CONCURRENCY apply).
  retention:run [--tenant <id>] [--now <ISO time>]
      Apply the PDPA retention settings now (every tenant with a schedule, or one); prints the
      counts per tenant as JSON. Safe to repeat: a second run counts zeros.
  analytics:refresh [--tenant <id>] [--full]
      Recount the analytics rollups (every tenant, or one): the recent days and days marked
      stale, or with --full the whole history (backfill). Prints per tenant what was counted.
`;

async function main(argv: string[]): Promise<unknown> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { name: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' }, 'owner-name': { type: 'string' }, tenant: { type: 'string' }, now: { type: 'string' }, full: { type: 'boolean' } },
    strict: true,
  });
  getEnv();
  const handle = getDatabaseHandle();
  try {
    await handle.migrate();
    switch (command) {
      case 'migrate':
        return { migrated: true, database: handle.kind };
      case 'seed':
        return { ...(await seedDemo(handle.db)), logins: demoLogins };
      case 'worker': {
        if (getEnv().inngestEnabled) throw new AppError('bad_request', 'Jobs run on Inngest here (INNGEST_* is set): there is no local queue to work.');
        const worker = startJobWorker({ db: handle.db, pollIntervalMs: getEnv().JOBS_POLL_INTERVAL_MS, concurrency: getEnv().JOBS_CONCURRENCY });
        await new Promise<void>((resolve) => {
          process.once('SIGTERM', resolve);
          process.once('SIGINT', resolve);
        });
        await worker.stop();
        return { stopped: true };
      }
      case 'retention:run':
        return await runRetention(handle.db, retentionArgsSchema.parse({ tenant: values.tenant, now: values.now }));
      case 'analytics:refresh':
        return await runAnalyticsRefresh(handle.db, refreshArgsSchema.parse({ tenant: values.tenant, full: values.full }));
      case 'tenant:create': {
        const input = signupSchema.parse({ businessName: values.name, name: values['owner-name'] ?? values.name, email: values.email, password: values.password });
        const { tenant, user } = await createTenantWithOwner(handle.db, input);
        const { secret } = await createApiKey(handle.db, { tenantId: tenant.id, tenantName: tenant.name, role: 'owner', userId: user.id, apiKeyId: null }, { name: 'CLI' });
        return { tenantId: tenant.id, userId: user.id, apiKey: secret };
      }
      default:
        throw new AppError('bad_request', usage);
    }
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    const e = toAppError(error);
    const detail = e.code === 'internal' && error instanceof Error ? error.message : e.message;
    process.stderr.write(`${[detail, ...e.fieldErrors.map((f) => `  ${f.field}: ${f.message}`)].join('\n')}\n`);
    process.exitCode = 1;
  },
);
