// db.execute answers an array of rows (postgres-js) or { rows } (PGlite).
export function executedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as T[];
}
