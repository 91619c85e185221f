import path from 'node:path';
import { type Env, getEnv } from '@/lib/env';
import { createLocalStorage } from './local';
import { createS3Storage } from './s3';
import type { ObjectStorage } from './storage';

export type { ObjectStorage, StoredObject } from './storage';

type StorageEnv = Pick<Env, 'DATA_DIR' | 'S3_BUCKET' | 'S3_REGION' | 'S3_ENDPOINT' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE'>;

// An S3-compatible bucket when S3_BUCKET is set, else files under $DATA_DIR/media (DESIGN §3).
export function storageFromEnv(env: StorageEnv): ObjectStorage {
  if (!env.S3_BUCKET) return createLocalStorage(path.join(env.DATA_DIR, 'media'));
  return createS3Storage({
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  });
}

let cached: ObjectStorage | undefined;

// One client per process: the S3 client keeps its connection pool.
export function getStorage(): ObjectStorage {
  cached ??= storageFromEnv(getEnv());
  return cached;
}
