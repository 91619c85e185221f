import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getEnv, resetEnvCache } from '@/lib/env';

const saved = { ...process.env };
const MEDIA_VARS = ['S3_BUCKET', 'S3_REGION', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE', 'MEDIA_MAX_BYTES'];

// With both secrets present getEnv() generates nothing, so no .env.local is written.
beforeEach(() => {
  for (const name of [...MEDIA_VARS, 'DATABASE_URL']) delete process.env[name];
  process.env.AUTH_SECRET = randomBytes(32).toString('base64');
  process.env.ENCRYPTION_KEY = randomBytes(32).toString('base64');
  resetEnvCache();
});
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe('media and S3 settings in getEnv', () => {
  it('defaults to local storage and a 16 MB cap', () => {
    expect(getEnv().S3_BUCKET).toBeUndefined();
    expect(getEnv()).toMatchObject({ S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: false, MEDIA_MAX_BYTES: 16 * 1024 * 1024 });
  });

  it('reads a bucket configuration, treating empty values as unset', () => {
    Object.assign(process.env, { S3_BUCKET: 'media', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: 'true', S3_ACCESS_KEY_ID: '', S3_SECRET_ACCESS_KEY: '', MEDIA_MAX_BYTES: '1048576' });

    expect(getEnv()).toMatchObject({ S3_BUCKET: 'media', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: true, MEDIA_MAX_BYTES: 1048576 });
    expect(getEnv().S3_ACCESS_KEY_ID).toBeUndefined();
  });

  it('names the missing half of an S3 key pair', () => {
    process.env.S3_ACCESS_KEY_ID = 'AKIAEXAMPLE';

    expect(() => getEnv()).toThrow(/S3_SECRET_ACCESS_KEY is missing/);
  });

  it('says what is wrong with a bad endpoint', () => {
    process.env.S3_ENDPOINT = 'not a url';

    expect(() => getEnv()).toThrow(/S3_ENDPOINT must be a URL/);
  });
});
