import { afterAll, beforeAll } from 'vitest';
import type { Database, DatabaseHandle } from '@/db/client';
import { createTestDatabase, useAsAppDatabase } from '@/db/testing';

export interface TestDatabase {
  readonly handle: DatabaseHandle;
  readonly db: Database;
}

// One fresh, migrated database per test file (PGlite, or PostgreSQL with TEST_DATABASE_URL).
// With `asAppDatabase`, route handlers' getDb() answers with it too.
export function useTestDatabase(options: { asAppDatabase?: boolean } = {}): TestDatabase {
  let current: DatabaseHandle | undefined;
  beforeAll(async () => {
    current = await createTestDatabase();
    if (options.asAppDatabase) useAsAppDatabase(current);
  });
  afterAll(() => current?.close());
  const handle = (): DatabaseHandle => {
    if (!current) throw new Error('The test database is opened in beforeAll; use it inside a test or hook.');
    return current;
  };
  return {
    get handle() {
      return handle();
    },
    get db() {
      return handle().db;
    },
  };
}
