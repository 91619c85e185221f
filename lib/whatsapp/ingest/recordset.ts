import { type SQL, sql } from 'drizzle-orm';

type ColumnType = 'uuid' | 'text' | 'int' | 'boolean' | 'timestamptz';

export interface Recordset<R> {
  // For `.from(…)`: the rows as the table `v`.
  table: SQL;
  // One of its columns, e.g. col('sentAt') → v."sentAt".
  col(name: keyof R & string): SQL;
}

// A batch of rows as ONE jsonb parameter read back as a table with typed columns, for
// set-based updates (`update … from v where … = v.id`): one bind value whatever the batch
// size, on PostgreSQL and PGlite alike. Column names come from code, never from input.
export function recordset<R extends object>(rows: readonly R[], columns: { [K in keyof R]: ColumnType }): Recordset<R> {
  const definitions = Object.entries(columns)
    .map(([name, type]) => `"${name}" ${type}`)
    .join(', ');
  return {
    table: sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(${sql.raw(definitions)})`,
    col: (name) => sql.raw(`v."${name}"`),
  };
}
