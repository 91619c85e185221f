import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getEnv, resetEnvCache } from './env';
import { ensureLocalSecrets } from './local-secrets';

const saved = { ...process.env };
let dir: string;
let envFile: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sembang-env-'));
  envFile = path.join(dir, '.env.local');
  // getEnv() writes .env.local into the working directory; point that at the temp dir.
  vi.spyOn(process, 'cwd').mockReturnValue(dir);
  for (const name of ['AUTH_SECRET', 'ENCRYPTION_KEY', 'DATABASE_URL', 'APP_URL', 'DATABASE_POOL_SIZE', 'WHATSAPP_API_ALLOWED_HOSTS']) delete process.env[name];
  resetEnvCache();
});
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const validKey = () => randomBytes(32).toString('base64');
const isSecretPair = (env: Record<string, unknown>) =>
  typeof env.AUTH_SECRET === 'string' &&
  env.AUTH_SECRET.length >= 32 &&
  typeof env.ENCRYPTION_KEY === 'string' &&
  Buffer.from(env.ENCRYPTION_KEY, 'base64').length === 32;
// An environment of its own for ensureLocalSecrets to fill in.
const blankEnv = (values: Record<string, string> = {}): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', ...values });

describe('ensureLocalSecrets', () => {
  it('generates the missing secrets into the file, readable only by the owner', () => {
    const env = blankEnv();

    expect(ensureLocalSecrets(env, envFile)).toEqual(['AUTH_SECRET', 'ENCRYPTION_KEY']);

    expect(isSecretPair(env)).toBe(true);
    const text = readFileSync(envFile, 'utf8');
    expect(text).toContain(`AUTH_SECRET=${env.AUTH_SECRET}\n`);
    expect(text).toContain(`ENCRYPTION_KEY=${env.ENCRYPTION_KEY}\n`);
    expect(statSync(envFile).mode & 0o777).toBe(0o600);
  });

  it('reuses the saved secrets on the next start instead of making new ones', () => {
    const first = blankEnv();
    ensureLocalSecrets(first, envFile);
    const text = readFileSync(envFile, 'utf8');

    const second = blankEnv();
    expect(ensureLocalSecrets(second, envFile)).toEqual([]);

    expect(second).toEqual(first);
    expect(readFileSync(envFile, 'utf8')).toBe(text);
  });

  it('keeps secrets already set and does not write them out', () => {
    const env = blankEnv({ AUTH_SECRET: 'from-the-environment-'.repeat(3) });

    expect(ensureLocalSecrets(env, envFile)).toEqual(['ENCRYPTION_KEY']);

    expect(env.AUTH_SECRET).toBe('from-the-environment-'.repeat(3));
    expect(readFileSync(envFile, 'utf8')).not.toContain('AUTH_SECRET');
  });

  it('appends to an existing file without breaking its last line', () => {
    writeFileSync(envFile, 'APP_URL=http://localhost:3000');
    const env = blankEnv();

    ensureLocalSecrets(env, envFile);

    const lines = readFileSync(envFile, 'utf8').split('\n');
    expect(lines[0]).toBe('APP_URL=http://localhost:3000');
    expect(lines).toContain(`ENCRYPTION_KEY=${env.ENCRYPTION_KEY}`);
  });
});

describe('getEnv', () => {
  it.each(['development', 'production'])('generates AUTH_SECRET and ENCRYPTION_KEY into .env.local in the embedded default (%s)', (mode) => {
    Object.assign(process.env, { NODE_ENV: mode });
    const env = getEnv();

    expect(env.embedded).toBe(true);
    expect(isSecretPair(env)).toBe(true);
    expect(readFileSync(envFile, 'utf8')).toContain(`ENCRYPTION_KEY=${env.ENCRYPTION_KEY}`);
  });

  it('refuses to start in production on PostgreSQL without secrets, naming the missing variable', () => {
    Object.assign(process.env, { NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db.internal:5432/sembang', ENCRYPTION_KEY: validKey() });

    expect(() => getEnv()).toThrow(/AUTH_SECRET is missing\. See \.env\.example\./);
    expect(existsSync(envFile)).toBe(false);
  });

  it('names every missing variable', () => {
    Object.assign(process.env, { NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db.internal:5432/sembang' });

    expect(() => getEnv()).toThrow(/- AUTH_SECRET is missing\.[^]*- ENCRYPTION_KEY is missing\./);
  });

  it('starts in production on PostgreSQL when the secrets are given', () => {
    const secrets = { AUTH_SECRET: validKey(), ENCRYPTION_KEY: validKey() };
    Object.assign(process.env, { NODE_ENV: 'production', DATABASE_URL: 'postgres://app@db.internal:5432/sembang', ...secrets });

    expect(getEnv()).toMatchObject({ embedded: false, ...secrets });
    expect(existsSync(envFile)).toBe(false);
  });

  it('explains a bad ENCRYPTION_KEY and how to make one', () => {
    Object.assign(process.env, { AUTH_SECRET: validKey(), ENCRYPTION_KEY: 'too-short' });

    expect(() => getEnv()).toThrow('ENCRYPTION_KEY must be 32 bytes, base64-encoded (`openssl rand -base64 32`)');
  });

  it('says which other variable is wrong', () => {
    Object.assign(process.env, { AUTH_SECRET: validKey(), ENCRYPTION_KEY: validKey(), DATABASE_POOL_SIZE: 'lots' });

    expect(() => getEnv()).toThrow(/DATABASE_POOL_SIZE/);
  });

  it("allows Meta's and wabot's API hosts by default, or the operator's list", () => {
    Object.assign(process.env, { AUTH_SECRET: validKey(), ENCRYPTION_KEY: validKey() });
    expect(getEnv().WHATSAPP_API_ALLOWED_HOSTS).toEqual(['graph.facebook.com', 'app.wabot.my']);

    Object.assign(process.env, { WHATSAPP_API_ALLOWED_HOSTS: ' Graph.Facebook.com, 127.0.0.1:4010,,[::1]:8080 ' });
    resetEnvCache();
    expect(getEnv().WHATSAPP_API_ALLOWED_HOSTS).toEqual(['graph.facebook.com', '127.0.0.1:4010', '[::1]:8080']);
  });

  it('explains a malformed WHATSAPP_API_ALLOWED_HOSTS', () => {
    Object.assign(process.env, { AUTH_SECRET: validKey(), ENCRYPTION_KEY: validKey(), WHATSAPP_API_ALLOWED_HOSTS: 'https://graph.facebook.com/v26.0' });

    expect(() => getEnv()).toThrow('WHATSAPP_API_ALLOWED_HOSTS must be comma-separated host[:port] entries');
  });
});
