import path from 'node:path';
import { getEnv } from '@/lib/env';
import { type Database, type DatabaseHandle, openDatabase } from './client';

export type { Database } from './client';

// One handle per process. Kept on globalThis so dev-mode reloads do not open PGlite twice
// (only one process may hold a PGlite data directory).
const holder = globalThis as typeof globalThis & { __sembangDb?: DatabaseHandle };

export function getDatabaseHandle(): DatabaseHandle {
  if (!holder.__sembangDb) {
    const env = getEnv();
    holder.__sembangDb = openDatabase({
      url: env.DATABASE_URL,
      dataDir: path.resolve(env.DATA_DIR, 'pglite'),
      poolSize: env.DATABASE_POOL_SIZE,
    });
  }
  return holder.__sembangDb;
}

export function getDb(): Database {
  return getDatabaseHandle().db;
}
