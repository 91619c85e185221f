import { type Database, getDb } from '@/db';

// Functions reach the database through here so a test can hand them a test database.
let override: Database | undefined;

export function functionDb(): Database {
  return override ?? getDb();
}

export function setFunctionDb(db: Database | undefined): void {
  override = db;
}
