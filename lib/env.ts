import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { ensureLocalSecrets } from './local-secrets';
import { DEFAULT_ALLOWED_HOSTS } from './whatsapp/providers/allowed-hosts';

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

// `host[:port]` entries, e.g. `graph.facebook.com,127.0.0.1:4010`; unset means Meta's and wabot's.
const hostList = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean) : [...DEFAULT_ALLOWED_HOSTS]))
  .refine(
    (hosts) => hosts.every((h) => /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(h)),
    'must be comma-separated host[:port] entries, e.g. graph.facebook.com,127.0.0.1:4010',
  );

// An empty value (`S3_BUCKET=` in a .env file) counts as unset.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.url({ message: 'must be a postgres:// URL' }).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('.data'),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (generate one with `openssl rand -base64 32`)'),
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded (`openssl rand -base64 32`)'),
  AUTO_MIGRATE: z.enum(['true', 'false']).default('true'),
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
  INNGEST_DEV: z.string().optional(),
  JOBS_WORKER: z.enum(['true', 'false']).default('true'),
  JOBS_POLL_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  // While this process accepts more webhook deliveries a second than this, its embedded worker
  // runs one job at a time (acknowledging Meta comes first; processing catches up). 0: never.
  JOBS_YIELD_ABOVE_WEBHOOKS_PER_SECOND: z.coerce.number().int().min(0).default(300),
  // Tesseract workers for OCR in this process; each holds ~150 MB and keeps a core busy.
  OCR_WORKERS: z.coerce.number().int().min(1).max(64).default(() => availableParallelism()),
  // A WhatsApp receipt or IC card read with less confidence than this (0..1) waits for a person.
  OCR_REVIEW_THRESHOLD: z.coerce.number().min(0).max(1).default(0.75),
  LOGIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  APP_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool,
  WHATSAPP_API_ALLOWED_HOSTS: hostList,
  // Largest inbound media file kept (bytes); WhatsApp's own per-type limits apply below it.
  MEDIA_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(16 * 1024 * 1024),
  // Media go to this S3-compatible bucket when it is set, else to $DATA_DIR/media.
  S3_BUCKET: optional(z.string()),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ENDPOINT: optional(z.url({ message: 'must be a URL such as https://s3.example.com' })),
  S3_ACCESS_KEY_ID: optional(z.string()),
  S3_SECRET_ACCESS_KEY: optional(z.string()),
  S3_FORCE_PATH_STYLE: bool,
}).superRefine((e, ctx) => {
  // One S3 key without the other is a typo, not a request for the SDK's default credentials.
  if (Boolean(e.S3_ACCESS_KEY_ID) !== Boolean(e.S3_SECRET_ACCESS_KEY)) {
    const missing = e.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID';
    ctx.addIssue({ code: 'custom', path: [missing], message: 'must be set together with the other S3 key' });
  }
});

export type Env = z.infer<typeof envSchema> & { embedded: boolean; inngestEnabled: boolean };

let cached: Env | undefined;

// Parses process.env once. Embedded mode (no DATABASE_URL) generates missing secrets into
// .env.local; production on PostgreSQL refuses to start without them.
export function getEnv(): Env {
  if (cached) return cached;
  const embedded = !process.env.DATABASE_URL;
  const production = process.env.NODE_ENV === 'production';
  if (embedded || !production) ensureLocalSecrets(process.env);
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? 'environment');
      const problem = process.env[name] === undefined ? 'is missing' : i.message;
      return `  - ${name} ${problem}. See .env.example.`;
    });
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  cached = {
    ...e,
    embedded,
    inngestEnabled: Boolean((e.INNGEST_EVENT_KEY && e.INNGEST_SIGNING_KEY) || e.INNGEST_DEV),
  };
  return cached;
}

// Tests change process.env between cases.
export function resetEnvCache(): void {
  cached = undefined;
}
