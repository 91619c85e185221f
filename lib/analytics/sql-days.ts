import { type SQL, sql } from 'drizzle-orm';

// The Malaysian calendar day of a timestamptz column. Malaysia is UTC+8 all year (no daylight
// saving since 1982), so a fixed offset is exact and needs no time-zone data in the database.
export function myDay(column: SQL | string): SQL {
  const col = typeof column === 'string' ? sql.raw(column) : column;
  return sql`((${col} at time zone 'UTC') + interval '8 hours')::date`;
}
